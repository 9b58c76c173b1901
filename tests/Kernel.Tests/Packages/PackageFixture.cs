using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Packages;

/// <summary>
/// A kernel with a package cache of the fixture's own (restore projects and their assets files,
/// removed after it). The packages themselves go to NuGet's global packages folder, which every
/// such fixture shares, so a package is downloaded once per machine.
/// </summary>
public abstract class PackageFixture : KernelFixture
{
    protected static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(4);

    private readonly string _cache = Directory.CreateTempSubdirectory("kernel-packages-").FullName;

    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["CSHARP_KERNEL_PACKAGE_CACHE"] = _cache };

    [OneTimeTearDown]
    public void RemoveCache() => Directory.Delete(_cache, recursive: true);

    private protected static string PlainText(ReceivedMessage message) =>
        message.Content.GetProperty("data").GetProperty("text/plain").GetString()!;

    private protected static string DisplayId(ReceivedMessage message) =>
        message.Content.GetProperty("transient").GetProperty("display_id").GetString()!;
}
