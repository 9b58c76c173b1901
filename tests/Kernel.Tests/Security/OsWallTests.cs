using System.Text.Json.Nodes;
using CSharpKernel.Client;
using CSharpKernel.Security;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Security;

/// <summary>
/// The operating-system wall, seen from outside the kernel: the process's own status in /proc, and
/// the sockets that must stay open inside it. Landlock's file rules are proven where a cell can make
/// the kernel open a path the policy cannot see, an allowed package's own code at restricted
/// (<see cref="PackageWallTests"/>). At sandbox there is no such path: every file API, the cell
/// API's included, is refused by the policy and no package can be loaded, so no cell reaches a file
/// for Linux to refuse, and /proc shows no Landlock domain. What /proc does show is its trace:
/// Landlock needs no_new_privs, so NoNewPrivs is 1 before the first cell, when seccomp (which sets
/// it too) is not yet there.
/// </summary>
[NonParallelizable]
public sealed class OsWallTests
{
    private string _working = null!;

    [SetUp]
    public void MakeWorkingDirectory() => _working = Directory.CreateTempSubdirectory("kernel-wall-working-").FullName;

    [TearDown]
    public void RemoveWorkingDirectory() => Directory.Delete(_working, recursive: true);

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

    private KernelProcess Start(string level) =>
        KernelProcess.Start(environment: new Dictionary<string, string> { ["CSHARP_KERNEL_POLICY"] = level }, workingDirectory: _working);

    private static string Status(KernelProcess kernel, string field) =>
        File.ReadAllLines($"/proc/{kernel.Process.Id}/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal)).Split(':')[1].Trim();
}
