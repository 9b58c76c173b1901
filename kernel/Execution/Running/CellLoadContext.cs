using System.Reflection;
using System.Runtime.Loader;
using CSharpKernel.Execution.Packages;

namespace CSharpKernel.Execution;

/// <summary>
/// A collectible context for cells' assemblies: one per chain (the epoch, dropped by %reset) and one
/// per cell that runs off the chain, unloaded once nothing refers to its code. A cell's references
/// resolve to the chain's submissions (by their generated names), to the package and <c>#r</c> file
/// assemblies, which load once into the default context so that every cell sees the same types, and
/// to the framework and the kernel, which the default context already has.
/// </summary>
/// <param name="submissions">The chain's submission assemblies by simple name.</param>
internal sealed class CellLoadContext(string name, IReadOnlyDictionary<string, Assembly> submissions)
    : AssemblyLoadContext(name, isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is not { } simple)
            return null;
        if (submissions.GetValueOrDefault(simple) is { } submission)
            return submission;
        // Asked of the default context, whose Resolving handlers load these from their files, once.
        return PackageLoader.PathOf(assemblyName) is not null || FileReferences.PathOf(assemblyName) is not null
            ? Default.LoadFromAssemblyName(assemblyName)
            : null;
    }
}
