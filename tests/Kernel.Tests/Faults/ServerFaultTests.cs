using System.Diagnostics;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Clients;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Faults;

/// <summary>What the kernel leaves behind when it stops, however it stops: each test owns its kernel process.</summary>
public sealed class ServerFaultTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);

    [TestCase(false)]
    [TestCase(true)]
    public void A_shutdown_ends_the_processes_a_cell_started(bool restart)
    {
        using var kernel = KernelProcess.Start("secret");
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        var child = StartChild(client, "System.Diagnostics.Process.Start(\"sleep\", \"1000\").Id");
        // A grandchild whose parent ignores SIGTERM: the polite signal ends one, the firm one the other.
        var stubborn = StartChild(client, "System.Diagnostics.Process.Start(\"sh\", new[] { \"-c\", \"trap '' TERM; sleep 1000 & wait\" }).Id");

        var reply = client.Request("shutdown_request", new JsonObject { ["restart"] = restart }, channel: "control");
        Assert.That(reply.Str("status"), Is.EqualTo("ok"));
        Assert.That(kernel.WaitForExit(ExitTimeout), Is.True, "the kernel exits");
        Assert.That(LinuxProcesses.IsRunning(child), Is.False, $"sleep {child} outlived the kernel");
        Assert.That(LinuxProcesses.IsRunning(stubborn), Is.False, $"the shell {stubborn} that ignores SIGTERM outlived the kernel");
    }

    [Test]
    public void SIGTERM_is_a_clean_shutdown_that_also_ends_the_children()
    {
        using var kernel = KernelProcess.Start("secret");
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        var child = StartChild(client, "System.Diagnostics.Process.Start(\"sleep\", \"1000\").Id");

        Signal(kernel.Process.Id, "TERM");
        Assert.That(kernel.WaitForExit(ExitTimeout), Is.True, "the kernel exits on SIGTERM");
        Assert.That(kernel.Process.ExitCode, Is.Zero, kernel.Stderr);
        Assert.That(kernel.Stderr, Does.Contain("SIGTERM: shutting down"));
        Assert.That(LinuxProcesses.IsRunning(child), Is.False, $"sleep {child} outlived the kernel");
    }

    [Test]
    public void A_kernel_whose_launcher_dies_exits_though_no_JPY_PARENT_PID_names_it()
    {
        // As .NET Interactive or a gateway starts it: a process of its own in between, no JPY_PARENT_PID.
        using var kernel = KernelProcess.Start("secret", launcher: ["sh", "-c", "\"$@\" & wait", "sh"]);
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        var kernelPid = LinuxProcesses.WithCommandLineContaining(kernel.ConnectionFile).Single(pid => pid != kernel.Process.Id);

        kernel.Process.Kill();
        try
        {
            Assert.That(LinuxProcesses.WaitForEnd(kernelPid, ExitTimeout), Is.True, "the orphaned kernel is still running");
            Assert.That(kernel.Stderr, Does.Contain($"the process that started the kernel ({kernel.Process.Id}) is gone"));
        }
        finally
        {
            if (LinuxProcesses.IsRunning(kernelPid))
                Process.GetProcessById(kernelPid).Kill();
        }
    }

    [Test]
    public void What_a_cell_prints_just_before_Environment_Exit_still_reaches_the_client()
    {
        using var kernel = KernelProcess.Start("secret");
        using var client = new KernelClient(kernel);
        client.WaitForReady();

        // A partial line waits in the capture for its end or the next flush: only the exit can send it.
        var id = client.SendExecute("Console.Write(\"last words\"); Environment.Exit(3);");
        Assert.That(kernel.WaitForExit(ExitTimeout), Is.True, "the cell ends the process");
        Assert.That(kernel.Process.ExitCode, Is.EqualTo(3));
        var stream = client.TryReceiveFor("iopub", m => m.ParentMsgId == id && m.MsgType == "stream", TimeSpan.FromSeconds(5));
        Assert.That(stream?.Str("text"), Is.EqualTo("last words"), kernel.Stderr);
    }

    private static int StartChild(KernelClient client, string code)
    {
        var result = client.Execute(code);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        var pid = int.Parse(result.Result!);
        Assert.That(LinuxProcesses.IsRunning(pid), Is.True);
        return pid;
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString()]);
        kill.WaitForExit();
    }
}
