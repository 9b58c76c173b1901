using System.Collections.Immutable;
using CSharpKernel.Display;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution.Packages;

/// <summary>
/// Resolves <c>#r "nuget: Name, Version"</c> by restoring the package; every other <c>#r</c> goes to
/// Roslyn's own file resolver. A package already referenced is not restored again.
/// </summary>
public sealed class PackageReferenceResolver : MetadataReferenceResolver
{
    private readonly MetadataReferenceResolver _files;
    private readonly PackageRestorer _restorer;
    private readonly KernelApi _kernel;
    private readonly Lock _lock = new();
    private readonly List<PackageSpec> _packages = [];
    private ImmutableArray<PortableExecutableReference> _references = [];

    public PackageReferenceResolver(PackageRestorer restorer, KernelApi kernel)
    {
        _files = ScriptMetadataResolver.Default.WithBaseDirectory(Environment.CurrentDirectory);
        _restorer = restorer;
        _kernel = kernel;
    }

    public override bool ResolveMissingAssemblies => _files.ResolveMissingAssemblies;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        var package = PackageSpec.TryParseReference(reference);
        return package is null ? _files.ResolveReference(reference, baseFilePath, properties) : Resolve(package);
    }

    /// <summary>
    /// Roslyn asks for every assembly the referenced ones refer to. The framework's are mapped, not
    /// copied. The kernel's own dependencies (Roslyn, NetMQ, SQLite, ...) are left out: what cells
    /// see of the kernel is made of its own and the framework's types, and indexing Roslyn's tens of
    /// thousands of types slowed the first compilation and kept 16 MiB more resident.
    /// </summary>
    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        MappedReferences.FromFramework(referenceIdentity)
        ?? (MappedReferences.IsKernel(definition) ? null : _files.ResolveMissingAssembly(definition, referenceIdentity));

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    private ImmutableArray<PortableExecutableReference> Resolve(PackageSpec package)
    {
        lock (_lock)
        {
            var known = _packages.FirstOrDefault(p => string.Equals(p.Name, package.Name, StringComparison.OrdinalIgnoreCase));
            if (known is not null)
            {
                if (package.Version is not null && known.Version is not null && package.Version != known.Version)
                    throw new RestoreFailedException($"Package '{package.Name}' is already referenced at version {known.Version}; restart the kernel to use {package.Version}.");
                return _references;
            }

            var progress = _kernel.Display(new Markdown($"Restoring package **{package}**…"));
            var wanted = _packages.Append(package).ToList();
            IReadOnlyList<string> assemblies;
            try
            {
                assemblies = _restorer.Restore(wanted, _kernel.CancellationToken);
            }
            catch (RestoreFailedException e)
            {
                progress.Update(new Markdown($"Could not restore **{package}**: {e.Message}"));
                throw;
            }
            _packages.Add(package);
            _references = [.. assemblies.Select(path => MetadataReference.CreateFromFile(path))];
            progress.Update(new Markdown($"Installed package **{package}** ({assemblies.Count} {(assemblies.Count == 1 ? "assembly" : "assemblies")})."));
            return _references;
        }
    }
}
