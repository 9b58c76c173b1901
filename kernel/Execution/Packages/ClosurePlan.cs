using System.Reflection;

namespace CSharpKernel.Execution.Packages;

/// <summary>
/// Decides, for each assembly of a restored closure, which copy the cell compiles against and the
/// process loads: the kernel's own when it has the assembly at the same or a higher version, the
/// copy an earlier package brought likewise, else the package's. An assembly the package needs
/// at a higher version than the one the process holds is a conflict: one process cannot hold two
/// versions of an assembly in its default load context, and binding to the lower one fails at
/// run time or, worse, misbehaves.
/// </summary>
internal sealed class ClosurePlan
{
    private readonly List<string> _conflicts = [];

    private ClosurePlan()
    {
    }

    /// <summary>The files cells compile against that no earlier restore gave them.</summary>
    public List<string> NewReferences { get; } = [];

    /// <summary>The package assemblies the process did not know yet, to load by name from now on.</summary>
    public List<PackageAssembly> NewAssemblies { get; } = [];

    public static ClosurePlan For(IReadOnlyList<PackageAssets> closure, IReadOnlyList<PackageSpec> requested, ISet<string> referenced)
    {
        var plan = new ClosurePlan();
        foreach (var package in closure)
        {
            foreach (var path in package.Assemblies)
                plan.Place(package, path, closure, requested, referenced);
        }
        if (plan._conflicts.Count > 0)
            throw new RestoreFailedException(string.Join(Environment.NewLine, plan._conflicts));
        return plan;
    }

    private void Place(PackageAssets package, string path, IReadOnlyList<PackageAssets> closure, IReadOnlyList<PackageSpec> requested, ISet<string> referenced)
    {
        var identity = AssemblyName.GetAssemblyName(path);
        var name = identity.Name!;
        var version = identity.Version ?? new Version();
        if (KernelAssemblies.PathOf(name) is { } kernelCopy)
        {
            var held = KernelAssemblies.VersionOf(kernelCopy);
            if (version > held)
                _conflicts.Add($"{Requester(package, closure, requested)} needs {name} {version} (from package {package}), but the kernel already has {name} {held}"
                    + $" ({(KernelAssemblies.IsFramework(kernelCopy) ? $"part of .NET {Environment.Version.Major}" : "one of the kernel's own dependencies")}),"
                    + $" and a process holds one version of an assembly. Use a version of {Requester(package, closure, requested)} that needs {name} {held} or lower.");
            else if (!KernelAssemblies.IsFramework(kernelCopy) && referenced.Add(kernelCopy))
                NewReferences.Add(kernelCopy);
            return;
        }
        if (PackageLoader.Find(name) is { } earlier && !string.Equals(earlier.Path, path, StringComparison.Ordinal))
        {
            if (version > earlier.Version)
                _conflicts.Add($"{Requester(package, closure, requested)} needs {name} {version} (from package {package}), but {name} {earlier.Version}"
                    + $" came with {earlier.Package} earlier in this session, and a process holds one version of an assembly."
                    + $" Restart the kernel and reference {Requester(package, closure, requested)} before {earlier.Package}.");
            return;
        }
        if (referenced.Add(path))
        {
            NewReferences.Add(path);
            NewAssemblies.Add(new PackageAssembly(name, version, path, package.ToString()));
        }
    }

    /// <summary>The package the cell asked for that brought <paramref name="package"/> into the closure.</summary>
    private static string Requester(PackageAssets package, IReadOnlyList<PackageAssets> closure, IReadOnlyList<PackageSpec> requested)
    {
        var byName = closure.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var spec in requested)
        {
            if (!byName.TryGetValue(spec.Name, out var top))
                continue;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Stack<PackageAssets>([top]);
            while (pending.TryPop(out var current))
            {
                if (string.Equals(current.Name, package.Name, StringComparison.OrdinalIgnoreCase))
                    return top.ToString();
                foreach (var dependency in current.Dependencies)
                {
                    if (seen.Add(dependency) && byName.TryGetValue(dependency, out var next))
                        pending.Push(next);
                }
            }
        }
        return package.ToString();
    }
}
