using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

/// <summary>Where restores go when no cache is configured, on a machine whose data folder does not exist yet.</summary>
public sealed class PackageCacheTests : KernelFixture
{
    private readonly string _root = Directory.CreateTempSubdirectory("kernel-clean-machine-").FullName;

    private string DataHome => Path.Combine(_root, "data");
    private string Work => Path.Combine(_root, "work");

    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["XDG_DATA_HOME"] = DataHome, ["CSHARP_KERNEL_PACKAGE_CACHE"] = "" };

    protected override string WorkingDirectory => Directory.CreateDirectory(Work).FullName;

    [OneTimeTearDown]
    public void RemoveRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Without_a_configured_cache_restores_go_to_the_users_data_folder_and_not_the_working_directory()
    {
        var result = Client.Execute("#r \"nuget: Humanizer.Core, 2.14.1\"\nusing Humanizer;\n2.ToWords()", timeout: TimeSpan.FromMinutes(3));
        Assert.That(result.Result, Is.EqualTo("\"two\""), result.ToString());
        Assert.That(Path.Combine(DataHome, "csharp-kernel", "packages"), Does.Exist);
        Assert.That(Directory.EnumerateFileSystemEntries(Work), Is.Empty);
    }
}
