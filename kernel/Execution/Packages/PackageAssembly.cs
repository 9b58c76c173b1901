namespace CSharpKernel.Execution.Packages;

/// <summary>An assembly a restored package brought, as the process loads it: from <see cref="Path"/>, by name.</summary>
internal sealed record PackageAssembly(string Name, Version Version, string Path, string Package);
