using System.Collections.Immutable;
using System.Diagnostics;
using CSharpKernel.Display;
using Microsoft.CodeAnalysis;

namespace CSharpKernel.Execution.Packages;

/// <summary>
/// A session's packages. The packages of one cell are restored together with every package the
/// session referenced before, in one restore, so NuGet settles one version of each dependency;
/// what the closure brings is handed to the cell's compilation as references and to the
/// <see cref="PackageLoader"/> for loading. Runs on the executor thread; <see cref="References"/>
/// may be read from any thread.
/// </summary>
internal sealed class PackageManager
{
    private readonly PackageRestorer _restorer;
    private readonly Func<object, DisplayHandle> _display;
    private readonly List<PackageSpec> _packages = [];
    private readonly List<string> _sources = [];
    // Every package the session's restores brought, asked for or not: name -> version.
    private readonly Dictionary<string, string> _closure = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);
    private volatile ImmutableList<MetadataReference> _references = [];

    public PackageManager(PackageRestorer restorer, Func<object, DisplayHandle> display)
    {
        _restorer = restorer;
        _display = display;
    }

    /// <summary>
    /// Raised after a restore, once the packages' assemblies can be loaded and before the cell's
    /// code runs, on the executor thread, with every package of the closure new to the session.
    /// </summary>
    public event Action<IReadOnlyList<RestoredPackage>>? Restored;

    /// <summary>Every assembly the session's packages gave cells to compile against, in the order they came.</summary>
    public IReadOnlyList<MetadataReference> References => _references;

    /// <summary>The sources <c>#i</c> added, used by every later restore together with the user's NuGet.Config.</summary>
    public IReadOnlyList<string> Sources => _sources;

    /// <summary>Adds a cell's sources and packages; answers the references that cell adds to the session.</summary>
    public IReadOnlyList<MetadataReference> Add(CellDirectives directives, CancellationToken token)
    {
        foreach (var source in directives.Sources.Where(s => !_sources.Contains(s, StringComparer.Ordinal)))
            _sources.Add(source);
        var notes = new List<string>();
        var wanted = new List<PackageSpec>();
        foreach (var package in directives.Packages)
        {
            if (_packages.Concat(wanted).FirstOrDefault(p => p.SameName(package)) is { } known)
            {
                if (package.Version is not null && known.Version is not null && package.Version != known.Version)
                    throw new RestoreFailedException($"Package '{package.Name}' is already referenced at version {known.Version}; restart the kernel to use {package.Version}.");
            }
            else if (_closure.TryGetValue(package.Name, out var version) && (package.Version is null || package.Version == version))
            {
                // It came with an earlier package: already referenced and loadable, nothing to restore.
            }
            else if (KernelAssemblies.IsFrameworkPackage(package.Name))
                notes.Add($"{package.Name} is part of .NET {Environment.Version.Major}; the framework's copy ({KernelAssemblies.FrameworkVersion}) is used.");
            else
                wanted.Add(package);
        }
        if (wanted.Count == 0)
        {
            if (notes.Count > 0)
                _display(new Markdown(string.Join("\n\n", notes)));
            return [];
        }
        return Restore(wanted, notes, token);
    }

    private IReadOnlyList<MetadataReference> Restore(List<PackageSpec> wanted, List<string> notes, CancellationToken token)
    {
        var names = string.Join(", ", wanted);
        var progress = _display(new Markdown($"Restoring {names}..."));
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<PackageAssets> closure;
        ClosurePlan plan;
        try
        {
            closure = _restorer.Restore([.. _packages, .. wanted], _sources, token);
            plan = ClosurePlan.For(closure, [.. wanted, .. _packages], _referenced);
        }
        catch (RestoreFailedException e)
        {
            progress.Update(new Markdown($"Could not restore {names}: {e.Message}"));
            throw;
        }
        catch (OperationCanceledException)
        {
            progress.Update(new Markdown($"Restoring {names} was interrupted."));
            throw;
        }

        var added = closure.Where(p => _closure.GetValueOrDefault(p.Name) != p.Version).ToList();
        _packages.AddRange(wanted);
        foreach (var package in added)
            _closure[package.Name] = package.Version;
        PackageLoader.Add(plan.NewAssemblies, closure.SelectMany(p => p.NativeLibraries));
        IReadOnlyList<MetadataReference> references = [.. plan.NewReferences.Select(path => MappedReferences.FromFile(path))];
        _references = _references.AddRange(references);

        var installed = string.Join(", ", wanted.Select(w => closure.FirstOrDefault(p => string.Equals(p.Name, w.Name, StringComparison.OrdinalIgnoreCase))?.ToString() ?? w.ToString()));
        var count = added.Sum(p => p.Assemblies.Count);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        progress.Update(new Markdown(string.Join("\n\n",
            [FormattableString.Invariant($"Installed {installed} ({count} {(count == 1 ? "assembly" : "assemblies")}) in {seconds:0.0} s"), .. notes])));
        if (added.Count > 0)
            Restored?.Invoke([.. added.Select(p => p.ToRestored())]);
        return references;
    }
}
