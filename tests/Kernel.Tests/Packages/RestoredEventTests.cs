using CSharpKernel.Execution;
using CSharpKernel.Execution.Packages;

namespace CSharpKernel.Tests.Packages;

/// <summary>
/// The Restored event, which extension loading subscribes to: raised once per restore with the
/// packages new to the session, each with its folder in the global packages folder.
/// </summary>
public sealed class RestoredEventTests
{
    private readonly string _cache = Directory.CreateTempSubdirectory("kernel-restored-event-").FullName;

    [OneTimeTearDown]
    public void RemoveCache() => Directory.Delete(_cache, recursive: true);

    [Test]
    public void A_restore_raises_restored_with_the_new_packages_of_the_closure_and_a_repeat_raises_nothing()
    {
        var kernel = new KernelApi(new ConsoleCapture());
        var packages = new PackageManager(new PackageRestorer(_cache), kernel.Display);
        var raised = new List<IReadOnlyList<RestoredPackage>>();
        packages.Restored += raised.Add;

        packages.Add(CellDirectives.Extract("#r \"nuget: Microsoft.Extensions.Logging.Abstractions, 8.0.0\"", _cache), CancellationToken.None);
        packages.Add(CellDirectives.Extract("#r \"nuget: Microsoft.Extensions.Logging.Abstractions, 8.0.0\"", _cache), CancellationToken.None);

        var restored = raised.Single();
        var abstractions = restored.Single(p => p.Name == "Microsoft.Extensions.Logging.Abstractions");
        Assert.That(abstractions.Version, Is.EqualTo("8.0.0"));
        Assert.That(abstractions.Directory, Does.EndWith(Path.Combine("microsoft.extensions.logging.abstractions", "8.0.0")).And.Exist);
        Assert.That(abstractions.Assemblies.Select(Path.GetFileName), Does.Contain("Microsoft.Extensions.Logging.Abstractions.dll"));
        Assert.That(restored.Select(p => p.Name), Does.Contain("Microsoft.Extensions.DependencyInjection.Abstractions"), "its dependencies are new too");
        Assert.That(packages.References.Select(r => Path.GetFileName(r.Display)), Does.Contain("Microsoft.Extensions.Logging.Abstractions.dll"));
    }
}
