using System.Text.Json.Nodes;
using CSharpKernel.Tests.Cli;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Security;

/// <summary>`install --policy` and `--allow-package`: the level a kernelspec starts at, in its kernel.json.</summary>
public sealed class LevelInstallTests
{
    private string _temp = null!;

    [SetUp]
    public void MakeTempDirectory() => _temp = Directory.CreateTempSubdirectory("kernel-level-").FullName;

    [TearDown]
    public void RemoveTempDirectory() => Directory.Delete(_temp, recursive: true);

    private string Kernels => Path.Combine(_temp, "share", "jupyter", "kernels");

    [Test]
    public void Without_a_policy_the_kernelspec_is_the_one_installed_before_levels_existed()
    {
        var (code, output, _) = CommandLineTests.Run(["install", "--prefix", _temp]);
        Assert.That(code, Is.Zero, output);
        var spec = Spec("csharp");
        Assert.That(spec["env"]!.AsObject(), Is.Empty);
        Assert.That(spec["display_name"]!.GetValue<string>(), Is.EqualTo("C#"));
        Assert.That(Directory.GetDirectories(Kernels).Select(Path.GetFileName), Is.EqualTo(new[] { "csharp" }));
    }

    [Test]
    public void A_sandbox_kernelspec_gets_its_own_name_and_display_name_and_the_level_in_its_env()
    {
        var (code, output, _) = CommandLineTests.Run(["install", "--prefix", _temp, "--policy", "sandbox"]);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("csharp-sandbox").And.Contain("security level sandbox"));
        var spec = Spec("csharp-sandbox");
        Assert.That(spec["display_name"]!.GetValue<string>(), Is.EqualTo("C# (sandbox)"));
        Assert.That(spec["env"]!["CSHARP_KERNEL_POLICY"]!.GetValue<string>(), Is.EqualTo("sandbox"));
        Assert.That(spec["env"]!.AsObject().ContainsKey("CSHARP_KERNEL_ALLOWED_PACKAGES"), Is.False);
    }

    [Test]
    public void A_restricted_kernelspec_keeps_the_allowed_packages_and_the_names_given()
    {
        var (code, output, _) = CommandLineTests.Run(["install", "--prefix", _temp, "--policy", "Restricted", "--name", "class-cs",
            "--display-name", "C# for the class", "--allow-package", "Humanizer.Core", "--allow-package", "Newtonsoft.Json"]);
        Assert.That(code, Is.Zero, output);
        var spec = Spec("class-cs");
        Assert.That(spec["display_name"]!.GetValue<string>(), Is.EqualTo("C# for the class"));
        Assert.That(spec["env"]!["CSHARP_KERNEL_POLICY"]!.GetValue<string>(), Is.EqualTo("restricted"));
        Assert.That(spec["env"]!["CSHARP_KERNEL_ALLOWED_PACKAGES"]!.GetValue<string>(), Is.EqualTo("Humanizer.Core,Newtonsoft.Json"));
    }

    [Test]
    public void An_explicit_unrestricted_level_is_written_and_keeps_the_ordinary_names()
    {
        var (code, output, _) = CommandLineTests.Run(["install", "--prefix", _temp, "--policy", "unrestricted"]);
        Assert.That(code, Is.Zero, output);
        var spec = Spec("csharp");
        Assert.That(spec["display_name"]!.GetValue<string>(), Is.EqualTo("C#"));
        Assert.That(spec["env"]!["CSHARP_KERNEL_POLICY"]!.GetValue<string>(), Is.EqualTo("unrestricted"));
    }

    [TestCase(new[] { "--policy", "sandbx" }, "--policy 'sandbx' is not a security level: use one of sandbox, restricted, standard, unrestricted")]
    [TestCase(new[] { "--policy", "sandbox", "--allow-package", "Humanizer.Core" }, "--allow-package is the allow-list of --policy restricted")]
    [TestCase(new[] { "--allow-package", "Humanizer.Core" }, "--allow-package is the allow-list of --policy restricted")]
    [TestCase(new[] { "--policy", "restricted", "--allow-package", "../evil" }, "--allow-package '../evil' is not a NuGet package id")]
    public void A_bad_level_or_allow_list_is_a_clear_install_error_and_writes_nothing(string[] options, string message)
    {
        var (code, _, error) = CommandLineTests.Run(["install", "--prefix", _temp, .. options]);
        Assert.That(code, Is.Not.Zero);
        Assert.That(error, Does.Contain(message));
        Assert.That(Directory.Exists(Kernels), Is.False);
    }

    [Test]
    public void Run_with_a_bad_level_refuses_to_start()
    {
        var connection = Path.Combine(_temp, "connection.json");
        File.WriteAllText(connection, LoopbackConnectionJson());
        var (code, _, error) = CommandLineTests.Run(["run", "--policy", "everything", "--connection-file", connection]);
        Assert.That(code, Is.Not.Zero);
        Assert.That(error, Does.Contain("--policy 'everything' is not a security level"));
    }

    private static string LoopbackConnectionJson() => CSharpKernel.Client.LoopbackConnection.Loopback("", "csharp", "tcp").ToJsonString();

    private JsonNode Spec(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Kernels, name, "kernel.json")))!;
}
