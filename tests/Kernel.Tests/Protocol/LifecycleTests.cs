using System.Diagnostics;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

/// <summary>Starting and stopping: each test owns its kernel process.</summary>
public sealed class LifecycleTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(15);

    [TestCase("control", false)]
    [TestCase("control", true)]
    [TestCase("shell", false)]
    public void A_shutdown_request_is_answered_then_the_process_exits(string channel, bool restart)
    {
        using var kernel = KernelProcess.Start("secret");
        using var client = new KernelClient(kernel);
        client.WaitForReady();

        var id = client.Send(channel, "shutdown_request", new JsonObject { ["restart"] = restart });
        var reply = client.WaitForReply(channel, id, KernelClient.DefaultTimeout);
        Assert.That(reply.MsgType, Is.EqualTo("shutdown_reply"));
        Assert.That(reply.Str("status"), Is.EqualTo("ok"));
        Assert.That(reply.Content.GetProperty("restart").GetBoolean(), Is.EqualTo(restart));
        Assert.That(client.IopubUntilIdle(id).Last().Str("execution_state"), Is.EqualTo("idle"), "idle follows the reply");
        Assert.That(kernel.WaitForExit(ExitTimeout), Is.True, "the kernel process exits");
        Assert.That(kernel.Process.ExitCode, Is.Zero);
    }

    [Test]
    public void A_shutdown_while_a_cell_runs_still_answers_and_exits()
    {
        using var kernel = KernelProcess.Start("secret");
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        var running = client.SendExecute("while (true) { Thread.Sleep(10); }");
        client.TryReceiveFor("iopub", m => m.ParentMsgId == running && m.MsgType == "execute_input", KernelClient.DefaultTimeout);

        var reply = client.Request("shutdown_request", new JsonObject { ["restart"] = false }, channel: "control");
        Assert.That(reply.Str("status"), Is.EqualTo("ok"));
        Assert.That(kernel.WaitForExit(ExitTimeout), Is.True);
    }

    [Test]
    public void The_kernel_exits_when_the_process_that_launched_it_is_gone()
    {
        using var parent = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        using var kernel = KernelProcess.Start("secret", new Dictionary<string, string> { ["JPY_PARENT_PID"] = parent.Id.ToString() });
        using var client = new KernelClient(kernel);
        client.WaitForReady();

        parent.Kill(); // not reaped yet: the kernel must see a zombie parent as gone
        Assert.That(kernel.WaitForExit(ExitTimeout), Is.True, "an orphaned kernel exits");
        Assert.That(kernel.Stderr, Does.Contain($"parent process {parent.Id} is gone"));
        parent.WaitForExit();
    }

    [Test]
    public void The_first_subscriber_sees_its_welcome_then_the_starting_status()
    {
        using var kernel = KernelProcess.Start("secret");
        using var client = new KernelClient(kernel);
        var welcome = client.TryReceiveFor("iopub", m => true, KernelClient.DefaultTimeout);
        var starting = client.TryReceiveFor("iopub", m => true, KernelClient.DefaultTimeout);
        Assert.That(welcome?.MsgType, Is.EqualTo("iopub_welcome"), kernel.Stderr);
        Assert.That(starting?.MsgType, Is.EqualTo("status"));
        Assert.That(starting!.Str("execution_state"), Is.EqualTo("starting"));
        Assert.That(starting.ParentMsgId, Is.Null);
    }

    [Test]
    public void A_port_already_in_use_ends_the_kernel_with_code_1_and_names_the_port()
    {
        using var holder = new NetMQ.Sockets.RouterSocket();
        var port = holder.BindRandomPort("tcp://127.0.0.1");
        using var kernel = KernelProcess.Start("secret", connectionOverrides: new JsonObject { ["control_port"] = port });
        Assert.That(kernel.WaitForExit(ExitTimeout), Is.True, "the kernel exits");
        Assert.That(kernel.Process.ExitCode, Is.EqualTo(1));
        Assert.That(kernel.Stderr, Does.Contain($"control channel: tcp://127.0.0.1:{port} is already in use"));
        Assert.That(kernel.Stderr, Does.Not.Contain("Unhandled exception"));
    }

    [Test]
    public void An_unsigned_session_works_when_the_key_is_empty()
    {
        using var kernel = KernelProcess.Start(key: "");
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        Assert.That(client.Execute("1 + 1").Result, Is.EqualTo("2"));
    }
}
