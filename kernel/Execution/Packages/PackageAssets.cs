namespace CSharpKernel.Execution.Packages;

/// <summary>
/// What one package of a restored closure brings for this process: its runtime assemblies and
/// native libraries (the RID-specific ones where it has them for this platform) and the names of
/// the packages it depends on.
/// </summary>
internal sealed record PackageAssets(string Name, string Version, string Directory, IReadOnlyList<string> Assemblies,
    IReadOnlyList<string> NativeLibraries, IReadOnlyList<string> Dependencies)
{
    public RestoredPackage ToRestored() => new(Name, Version, Directory, Assemblies);

    public override string ToString() => $"{Name} {Version}";
}
