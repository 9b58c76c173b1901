using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

/// <summary>#r with packages from the NuGet sources this machine is configured with, and with files.</summary>
public sealed class PackageTests : KernelFixture
{
    private readonly string _cache = Directory.CreateTempSubdirectory("kernel-packages-").FullName;

    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["CSHARP_KERNEL_PACKAGE_CACHE"] = _cache };

    protected override string WorkingDirectory => _cache;

    [OneTimeTearDown]
    public void RemoveCache() => Directory.Delete(_cache, recursive: true);

    [Test, Order(1)]
    public void A_nuget_reference_restores_the_package_shows_progress_and_makes_it_usable()
    {
        var result = Client.Execute("#r \"nuget: Humanizer.Core, 2.14.1\"\nusing Humanizer;\n\"some_title_here\".Humanize()", timeout: TimeSpan.FromMinutes(3));
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(result.Result, Is.EqualTo("\"some title here\""));

        var progress = result.OfType("display_data").Single();
        var done = result.OfType("update_display_data").Single();
        Assert.That(progress.Content.GetProperty("data").GetProperty("text/plain").GetString(), Does.Contain("Restoring").And.Contain("Humanizer.Core 2.14.1"));
        Assert.That(done.Content.GetProperty("data").GetProperty("text/plain").GetString(), Does.Contain("Installed").And.Contain("Humanizer.Core").And.Contain("(1 assembly)"));
        Assert.That(done.Content.GetProperty("transient").GetProperty("display_id").GetString(),
            Is.EqualTo(progress.Content.GetProperty("transient").GetProperty("display_id").GetString()), "the progress display is updated in place");
    }

    [Test, Order(2)]
    public void Referencing_the_same_package_again_is_a_no_op()
    {
        var result = Client.Execute("#r \"nuget: Humanizer.Core, 2.14.1\"\n3.ToWords()");
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(result.Result, Is.EqualTo("\"three\""));
        Assert.That(result.OfType("display_data"), Is.Empty, "nothing is restored again");
    }

    [Test, Order(3)]
    public void The_dotnet_10_package_directive_is_accepted_like_r_nuget()
    {
        var result = Client.Execute("#:package Humanizer.Core@2.14.1\n\"PascalCaseInput\".Humanize()");
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(result.Result, Is.EqualTo("\"Pascal case input\""));
    }

    [Test, Order(4)]
    public void A_package_the_kernel_already_has_at_that_version_is_the_kernels_one_copy()
    {
        var result = Client.Execute("var copies = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == \"Humanizer\").ToList();\n"
            + "copies.Count == 1 && copies[0].Location.StartsWith(AppContext.BaseDirectory)");
        Assert.That(result.Result, Is.EqualTo("true"), "Roslyn's Humanizer serves the package: " + result);
    }

    [Test]
    public void A_package_that_does_not_exist_gets_an_error_naming_it()
    {
        var result = Client.Execute("#r \"nuget: No.Such.Package.For.Csharp.Kernel.Tests\"", timeout: TimeSpan.FromMinutes(3));
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Str("evalue"), Does.Contain("'No.Such.Package.For.Csharp.Kernel.Tests' was not found"));
    }

    [Test]
    public void A_version_that_does_not_exist_gets_an_error_naming_the_package_and_version()
    {
        var result = Client.Execute("#r \"nuget: Newtonsoft.Json, 999.0.0\"", timeout: TimeSpan.FromMinutes(3));
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Str("evalue"), Does.Contain("'Newtonsoft.Json' has no version 999.0.0"));
    }

    [Test]
    public void Load_runs_a_script_file_relative_to_the_kernel_directory_in_the_session()
    {
        File.WriteAllText(Path.Combine(_cache, "helpers.csx"), "int Triple(int x) => 3 * x;\nvar loadedValue = 7;\n");
        var result = Client.Execute("#load \"helpers.csx\"\nTriple(loadedValue)");
        Assert.That(result.Result, Is.EqualTo("21"), result.ToString());
        Assert.That(Client.Execute("loadedValue + 1").Result, Is.EqualTo("8"), "what the script declared stays in the session");
    }

    [Test]
    public void A_file_reference_adds_that_assembly()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "NetMQ.dll");
        var result = Client.Execute($"#r \"{dll}\"\ntypeof(NetMQ.NetMQSocket).Name");
        Assert.That(result.Result, Is.EqualTo("\"NetMQSocket\""), result.ToString());
    }
}
