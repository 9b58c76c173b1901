using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution.Packages;

/// <summary>
/// Resolves <c>#r "path/to/Library.dll"</c> with Roslyn's own file resolver, relative to the
/// kernel's working directory. Package references never reach it: they are taken out of the cell
/// (<see cref="CellDirectives"/>) and their closure added to the cell's compilation, because the
/// compiler takes one reference per <c>#r</c>.
/// </summary>
internal sealed class FileReferenceResolver : MetadataReferenceResolver
{
    private readonly MetadataReferenceResolver _files = ScriptMetadataResolver.Default.WithBaseDirectory(Environment.CurrentDirectory);

    public override bool ResolveMissingAssemblies => _files.ResolveMissingAssemblies;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
        PackageSpec.TryParseReference(reference) is null ? Loadable(_files.ResolveReference(reference, baseFilePath, properties)) : [];

    /// <summary>
    /// Roslyn asks for every assembly the referenced ones refer to. The framework's are mapped, not
    /// copied. The kernel's own dependencies (Roslyn, NetMQ, SQLite, ...) are left out: what cells
    /// see of the kernel is made of its own and the framework's types, and indexing Roslyn's tens of
    /// thousands of types slowed the first compilation and kept 16 MiB more resident.
    /// </summary>
    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        MappedReferences.FromFramework(referenceIdentity)
        ?? (MappedReferences.IsKernel(definition) ? null : Loadable(_files.ResolveMissingAssembly(definition, referenceIdentity)));

    /// <summary>What the compiler is given for a file is what cells' code loads when it runs (<see cref="FileReferences"/>).</summary>
    private static ImmutableArray<PortableExecutableReference> Loadable(ImmutableArray<PortableExecutableReference> references)
    {
        foreach (var reference in references)
        {
            if (reference.FilePath is { } path)
                FileReferences.Add(path);
        }
        return references;
    }

    private static PortableExecutableReference? Loadable(PortableExecutableReference? reference)
    {
        if (reference?.FilePath is { } path)
            FileReferences.Add(path);
        return reference;
    }

    public override bool Equals(object? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
