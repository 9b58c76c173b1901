using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Packages;

/// <summary>
/// Two cells whose packages need different versions of one dependency: the process already holds
/// the first's, so the second gets a message naming the assembly, both versions and the packages.
/// </summary>
public sealed class PackageConflictTests : KernelFixture
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(3);
    private readonly PackageCacheFolder _cache = new();

    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["CSHARP_KERNEL_PACKAGE_CACHE"] = _cache.Path };

    [OneTimeTearDown]
    public void RemoveCache() => _cache.Dispose();

    [Test]
    public void A_later_package_that_needs_a_newer_dependency_than_an_earlier_one_brought_is_refused_and_the_session_goes_on()
    {
        var first = Client.Execute("""
            #r "nuget: Microsoft.Extensions.Logging.Console, 8.0.0"
            using Microsoft.Extensions.Logging;
            var factory = LoggerFactory.Create(builder => builder.AddConsole());
            factory.CreateLogger("first").GetType().Name
            """, timeout: RestoreTimeout);
        Assert.That(first.Status, Is.EqualTo("ok"), first.ToString());

        // Microsoft.Extensions.Http 9.0.0 needs Microsoft.Extensions.Logging.Abstractions 9.0.0; the first cell loaded 8.0.0.
        var second = Client.Execute("#r \"nuget: Microsoft.Extensions.Http, 9.0.0\"", timeout: RestoreTimeout);
        Assert.That(second.Status, Is.EqualTo("error"), second.ToString());
        Assert.That(second.Reply.Str("evalue"), Does.Contain("Microsoft.Extensions.Http 9.0.0 needs Microsoft.Extensions.Logging.Abstractions 9.0.0.0")
            .And.Contain("Microsoft.Extensions.Logging.Abstractions 8.0.0.0 came with Microsoft.Extensions.Logging.Abstractions 8.0.0"));

        var after = Client.Execute("factory.CreateLogger(\"still\").GetType().Name");
        Assert.That(after.Result, Is.EqualTo(first.Result), "the session keeps what it had");
        var again = Client.Execute("#r \"nuget: Microsoft.Extensions.Logging.Console, 8.0.0\"\n1 + 1");
        Assert.That(again.Result, Is.EqualTo("2"), "the refused package was not added: the earlier set restores as before: " + again);
    }
}
