using System.Diagnostics;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Cli;

public sealed class CommandLineTests
{
    private string _temp = null!;

    [SetUp]
    public void MakeTempDirectory() => _temp = Directory.CreateTempSubdirectory("kernel-cli-").FullName;

    [TearDown]
    public void RemoveTempDirectory() => Directory.Delete(_temp, recursive: true);

    [Test]
    public void Install_with_a_prefix_writes_a_kernelspec_that_runs_this_build_with_message_interrupts()
    {
        var (code, output, _) = Run(["install", "--prefix", _temp, "--name", "cs-test", "--display-name", "C# (test)"]);
        Assert.That(code, Is.Zero, output);

        var directory = Path.Combine(_temp, "share", "jupyter", "kernels", "cs-test");
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "kernel.json")))!;
        var argv = spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.That(argv[^3..], Is.EqualTo(new[] { "run", "--connection-file", "{connection_file}" }));
        Assert.That(File.Exists(argv[0]), Is.True, $"argv[0] {argv[0]} exists");
        Assert.That(spec["display_name"]!.GetValue<string>(), Is.EqualTo("C# (test)"));
        Assert.That(spec["language"]!.GetValue<string>(), Is.EqualTo("csharp"));
        Assert.That(spec["interrupt_mode"]!.GetValue<string>(), Is.EqualTo("message"));
        Assert.That(Directory.GetFiles(directory).Select(Path.GetFileName), Is.SupersetOf(new[] { "logo-32x32.png", "logo-64x64.png", "logo-svg.svg" }));
    }

    [Test]
    public void Install_for_the_user_honours_JUPYTER_DATA_DIR()
    {
        var (code, output, _) = Run(["install", "--user"], new() { ["JUPYTER_DATA_DIR"] = _temp });
        Assert.That(code, Is.Zero, output);
        Assert.That(File.Exists(Path.Combine(_temp, "kernels", "csharp", "kernel.json")), Is.True);
    }

    [Test]
    public void Conflicting_install_locations_are_refused_with_a_clear_message()
    {
        var (code, _, error) = Run(["install", "--user", "--prefix", _temp]);
        Assert.That(code, Is.Not.Zero);
        Assert.That(error, Does.Contain("choose one of --user, --sys-prefix and --prefix"));
    }

    [Test]
    public void An_unknown_option_gets_an_error_and_a_non_zero_exit()
    {
        var (code, _, error) = Run(["run", "--no-such-option"]);
        Assert.That(code, Is.Not.Zero);
        Assert.That(error, Does.Contain("--no-such-option"));
    }

    [Test]
    public void Run_with_a_missing_connection_file_says_so()
    {
        var missing = Path.Combine(_temp, "missing.json");
        var (code, _, error) = Run(["run", "--connection-file", missing]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("connection file not found").And.Contain(missing));
    }

    [Test]
    public void Run_with_a_broken_connection_file_says_what_is_wrong()
    {
        var file = Path.Combine(_temp, "bad.json");
        File.WriteAllText(file, "{\"transport\": \"udp\", \"ip\": \"127.0.0.1\"}");
        var (code, _, error) = Run(["run", "--connection-file", file]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("transport 'udp' is not supported"));
    }

    [Test]
    public void Help_and_version_answer_and_exit_zero()
    {
        var help = Run(["--help"]);
        Assert.That(help.Code, Is.Zero);
        Assert.That(help.Output, Does.Contain("install").And.Contain("run"));
        var version = Run(["--version"]);
        Assert.That(version.Code, Is.Zero);
        Assert.That(version.Output.Trim(), Does.Match(@"^\d+\.\d+\.\d+"));
    }

    internal static (int Code, string Output, string Error) Run(string[] arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [KernelProcess.KernelDll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? [])
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
