namespace CSharpKernel.Tests.Notebooks;

/// <summary>
/// notebooks/packages.ipynb: #r "nuget:" with its progress display, a second #r, #:package, a package
/// with dependencies, a package the framework provides, #r of a
/// DLL and #load of a script, both by paths relative to the kernel's working directory. Packages
/// are restored from the configured NuGet sources into a cache of the fixture's own.
/// </summary>
public sealed class PackagesNotebookTests : NotebookFixture
{
    private readonly string _cache = Directory.CreateTempSubdirectory("kernel-notebook-packages-").FullName;
    private readonly string _work = Directory.CreateTempSubdirectory("kernel-notebook-work-").FullName;

    public PackagesNotebookTests()
    {
        Expectations = new Dictionary<string, CellExpectation>
        {
            ["nuget"] = new()
            {
                Displays = ["Restoring Humanizer.Core 2.14.1..."],
                Updates = ["Installed Humanizer.Core 2.14.1 (1 assembly) in "],
                Result = "\"customer order id\"",
                Also = result => Assert.That(Data(result.OfType("update_display_data").Single(), "text/markdown"), Does.StartWith("Installed Humanizer.Core")),
            },
            ["use"] = new()
            {
                Stdout = "2 hours, 15 minutes\none thousand two hundred and thirty-four\nShip It\n",
                Result = "\"3 files\"",
            },
            ["again"] = new() { Result = "\"3 hours ago\"" },
            ["package-directive"] = new() { Result = "\"Pascal case names read better\"" },
            ["closure"] = new()
            {
                Displays = ["Restoring Microsoft.Extensions.Logging.Console 9.0.0..."],
                Updates = ["Installed Microsoft.Extensions.Logging.Console 9.0.0 ("],
                Result = "true",
            },
            ["framework"] = new()
            {
                Displays = [$"System.Text.Json is part of .NET {System.Environment.Version.Major}; the framework's copy"],
                Result = "\"{\\\"kernel\\\":\\\"csharp\\\"}\"",
            },
            ["make-dll"] = new()
            {
                Also = _ => Assert.That(Path.Combine(_work, "Greetings.dll"), Does.Exist, "a relative path is in the kernel's working directory"),
            },
            ["reference-dll"] = new() { Result = "\"Hello from Greetings.dll\"" },
            ["write-csx"] = new() { Also = _ => Assert.That(Path.Combine(_work, "shapes.csx"), Does.Exist) },
            ["load"] = new() { Result = "12.57" },
            ["loaded-later"] = new() { Result = "true" },
            ["tidy"] = new() { Also = _ => Assert.That(Directory.EnumerateFileSystemEntries(_work), Is.Empty, "the notebook leaves nothing behind") },
        };
    }

    protected override string NotebookName => "packages.ipynb";

    private protected override IReadOnlyDictionary<string, CellExpectation> Expectations { get; }

    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["CSHARP_KERNEL_PACKAGE_CACHE"] = _cache };

    protected override string WorkingDirectory => _work;

    /// <summary>The first restore of a package on a clean machine downloads it.</summary>
    protected override TimeSpan CellTimeout => TimeSpan.FromMinutes(3);

    [OneTimeTearDown]
    public void RemoveDirectories()
    {
        Directory.Delete(_cache, recursive: true);
        Directory.Delete(_work, recursive: true);
    }

    [Test, Order(2)]
    public void The_restore_is_cached_in_the_configured_package_cache()
    {
        Assert.That(Directory.EnumerateFiles(_cache, "project.assets.json", SearchOption.AllDirectories), Is.Not.Empty);
    }
}
