using System.Text.Json.Nodes;
using CSharpKernel.Client;
using CSharpKernel.Security;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Security;

/// <summary>
/// The operating-system wall, seen from outside the kernel: the process's own status in /proc, and
/// a read the compile-time policy cannot see. <c>Kernel.ImageFile</c> is the cell API (which the
/// policy allows) and opens any path it is given inside the kernel's code: only Linux stops it, so
/// it fails here exactly when the wall is missing. The same read at unrestricted is the control.
/// </summary>
[NonParallelizable]
public sealed class OsWallTests
{
    private string _outside = null!;
    private string _working = null!;

    [SetUp]
    public void MakeDirectories()
    {
        // Neither under the working directory nor under anything the wall leaves readable (/tmp is not, at sandbox).
        _outside = Directory.CreateTempSubdirectory("kernel-wall-outside-").FullName;
        _working = Directory.CreateTempSubdirectory("kernel-wall-working-").FullName;
        File.Copy(Logo, Path.Combine(_outside, "logo.png"));
        File.Copy(Logo, Path.Combine(_working, "logo.png"));
    }

    [TearDown]
    public void RemoveDirectories()
    {
        Directory.Delete(_outside, recursive: true);
        Directory.Delete(_working, recursive: true);
    }

    private static string Logo => Path.Combine(AppContext.BaseDirectory, "kernelspec", "logo-64x64.png");

    private static bool LandlockOffered => LandlockRuleset.Abi() > 0;

    [Test]
    public void At_sandbox_the_process_has_no_new_privileges_from_the_start_and_seccomp_from_the_first_cell()
    {
        using var kernel = Start("sandbox");
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        // Landlock comes with no_new_privs, before the runtime starts; seccomp only once a cell is to run.
        Assert.That(Status(kernel, "NoNewPrivs"), Is.EqualTo(LandlockOffered ? "1" : "0"));
        Assert.That(Status(kernel, "Seccomp"), Is.EqualTo("0"));
        Assert.That(client.Execute("6 * 7").Result, Is.EqualTo("42"));
        Assert.That(Status(kernel, "NoNewPrivs"), Is.EqualTo("1"));
        Assert.That(Status(kernel, "Seccomp"), Is.EqualTo("2"));
        Assert.That(kernel.Stderr, Does.Contain(LevelVisibilityTests.ExpectedWall));
    }

    [Test]
    public void An_unrestricted_kernel_is_not_walled()
    {
        using var kernel = Start("unrestricted");
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        Assert.That(client.Execute("6 * 7").Result, Is.EqualTo("42"));
        Assert.That(Status(kernel, "NoNewPrivs"), Is.EqualTo("0"));
        Assert.That(Status(kernel, "Seccomp"), Is.EqualTo("0"));
    }

    [Test]
    public void At_sandbox_a_file_the_kernel_opens_for_a_cell_outside_the_wall_is_refused_by_Linux()
    {
        Assume.That(LandlockOffered, "this Linux offers no Landlock: the kernel says so, and files are not walled");
        using var kernel = Start("sandbox");
        using var client = Ready(kernel);
        var read = ShowLogo(client, _outside);
        Assert.That(read.Error?.Str("ename"), Is.EqualTo("UnauthorizedAccessException"), read.ToString());
        Assert.That(read.Error!.Str("evalue"), Does.Contain("denied"));
        Assert.That(client.Execute("1 + 1").Result, Is.EqualTo("2"), "the kernel keeps serving");
    }

    [Test]
    public void At_restricted_the_working_directory_is_open_and_the_rest_is_refused_by_Linux()
    {
        Assume.That(LandlockOffered, "this Linux offers no Landlock: the kernel says so, and files are not walled");
        using var kernel = Start("restricted");
        using var client = Ready(kernel);
        AssertShown(ShowLogo(client, _working));
        var outside = ShowLogo(client, _outside);
        Assert.That(outside.Error?.Str("ename"), Is.EqualTo("UnauthorizedAccessException"), outside.ToString());
    }

    [Test]
    public void The_same_read_at_unrestricted_succeeds()
    {
        using var kernel = Start("unrestricted");
        using var client = Ready(kernel);
        AssertShown(ShowLogo(client, _outside));
    }

    [Test]
    public void Inside_the_wall_a_new_client_still_connects_to_the_bound_sockets_and_is_answered()
    {
        using var kernel = Start("sandbox");
        using (var first = new KernelClient(kernel))
        {
            first.WaitForReady();
            Assert.That(first.Execute("var kept = 5;").Status, Is.EqualTo("ok"));
        }
        // After seccomp refuses new IPv4/IPv6 sockets: the kernel only accepts on the ones it has.
        using var second = new KernelClient(kernel);
        second.WaitForReady();
        Assert.That(second.Execute("kept * 2").Result, Is.EqualTo("10"));
        Assert.That(second.Request("kernel_info_request", new JsonObject()).Str("status"), Is.EqualTo("ok"));
    }

    /// <summary>Over ipc the kernel makes Unix sockets and relays each client over loopback TCP: both must stay open inside the wall.</summary>
    [Test]
    public void At_sandbox_the_ipc_transport_still_serves_one_client_after_another()
    {
        if (!File.Exists("/usr/bin/python3"))
            Assert.Ignore("Debian's python3 with jupyter_client is not installed");
        using var kernel = KernelProcess.Start("ipc-wall", new Dictionary<string, string> { ["CSHARP_KERNEL_POLICY"] = "sandbox" }, transport: "ipc", workingDirectory: _working);
        const string script = """
            import sys
            from jupyter_client import BlockingKernelClient
            for attempt in (1, 2):
                client = BlockingKernelClient(connection_file=sys.argv[1])
                client.load_connection_file()
                client.start_channels()
                # Not wait_for_ready: without a kernel manager it reads a heartbeat not yet connected as a dead kernel.
                # ZeroMQ connects again until the kernel's sockets exist; a message on iopub proves the subscription.
                client.kernel_info()
                client.get_shell_msg(timeout=60)
                client.get_iopub_msg(timeout=60)
                results = []
                client.execute_interactive(f"6 * {attempt}", timeout=30,
                    output_hook=lambda m: results.append(m["content"]["data"]["text/plain"]) if m["msg_type"] == "execute_result" else None)
                print("result:" + ",".join(results))
                client.stop_channels()
            """;
        var file = Path.Combine(_working, "client.py");
        File.WriteAllText(file, script);
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3", [file, kernel.ConnectionFile]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var python = System.Diagnostics.Process.Start(start)!;
        var stderr = python.StandardError.ReadToEndAsync();
        var output = python.StandardOutput.ReadToEnd();
        Assert.That(python.WaitForExit(60_000), Is.True);
        Assert.That(output, Is.EqualTo("result:6\nresult:12\n"), output + stderr.Result + kernel.Stderr);
        Assert.That(kernel.Stderr, Does.Contain(LevelVisibilityTests.ExpectedWall).And.Contain("seccomp (no programs or ptrace)"));
    }

    private static KernelClient Ready(KernelProcess kernel)
    {
        var client = new KernelClient(kernel);
        client.WaitForReady();
        return client;
    }

    private static ExecutionResult ShowLogo(KernelClient client, string folder) =>
        client.Execute($"Kernel.ImageFile(\"{Path.Combine(folder, "logo.png")}\")");

    private static void AssertShown(ExecutionResult result) =>
        Assert.That(result.OfType("execute_result").Single().Content.GetProperty("data").TryGetProperty("image/png", out _), Is.True, result.ToString());

    private KernelProcess Start(string level) =>
        KernelProcess.Start(environment: new Dictionary<string, string> { ["CSHARP_KERNEL_POLICY"] = level }, workingDirectory: _working);

    private static string Status(KernelProcess kernel, string field) =>
        File.ReadAllLines($"/proc/{kernel.Process.Id}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal)).Split(':')[1].Trim();
}
