namespace CSharpKernel.Execution.Packages;

/// <summary>
/// A package of a restore's closure, as it lies in the package folder: where the kernel finds its
/// runtime assemblies and anything else it ships (such as <c>interactive-extensions/dotnet</c>).
/// </summary>
internal sealed record RestoredPackage(string Name, string Version, string Directory, IReadOnlyList<string> Assemblies);
