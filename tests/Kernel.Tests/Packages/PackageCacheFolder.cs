namespace CSharpKernel.Tests.Packages;

/// <summary>
/// A kernel package cache of a fixture's own (restore projects and their assets files), removed
/// after it. The packages themselves go to NuGet's global packages folder, which every fixture
/// shares unless it sets NUGET_PACKAGES, so a package is downloaded once per machine.
/// </summary>
public sealed class PackageCacheFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kernel-packages-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
