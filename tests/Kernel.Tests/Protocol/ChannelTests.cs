using System.Text;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;
using CSharpKernel.Wire;
using NetMQ;
using NetMQ.Sockets;

namespace CSharpKernel.Tests.Protocol;

public sealed class ChannelTests : KernelFixture
{
    [Test]
    public void The_heartbeat_echoes_what_it_receives()
    {
        using var heartbeat = new RequestSocket();
        heartbeat.Options.Linger = TimeSpan.Zero;
        heartbeat.Connect(Kernel.Endpoint("hb"));
        heartbeat.SendFrame("ping-1");
        Assert.That(heartbeat.TryReceiveFrameString(TimeSpan.FromSeconds(10), out var echo), Is.True);
        Assert.That(echo, Is.EqualTo("ping-1"));
        heartbeat.SendFrame("ping-2");
        Assert.That(heartbeat.TryReceiveFrameString(TimeSpan.FromSeconds(10), out echo), Is.True);
        Assert.That(echo, Is.EqualTo("ping-2"));
    }

    [Test]
    public void A_new_iopub_subscriber_is_welcomed_with_its_subscription_and_an_empty_parent()
    {
        using var subscriber = new SubscriberSocket();
        subscriber.Options.Linger = TimeSpan.Zero;
        subscriber.Connect(Kernel.Endpoint("iopub"));
        subscriber.Subscribe("");
        var codec = new WireCodec(new MessageSigner(Encoding.UTF8.GetBytes(Kernel.Key)));

        var frames = new List<byte[]>();
        Assert.That(subscriber.TryReceiveMultipartBytes(TimeSpan.FromSeconds(10), ref frames), Is.True, "no iopub_welcome within 10 s");
        var welcome = codec.Decode(frames).Message!;
        Assert.That(welcome.MsgType, Is.EqualTo("iopub_welcome"));
        Assert.That(welcome.Content.GetProperty("subscription").GetString(), Is.EqualTo(""));
        Assert.That(welcome.ParentHeader, Is.Null, "the welcome answers no request");
        Assert.That(welcome.Header.Version, Is.EqualTo("5.4"));
    }

    [Test]
    public void Kernel_info_advertises_protocol_5_4_which_brings_the_iopub_welcome()
    {
        var reply = Client.Request("kernel_info_request", new JsonObject());
        Assert.That(reply.Str("protocol_version"), Is.EqualTo("5.4"));
    }

    [Test]
    public void Control_and_shell_answer_kernel_info_while_a_cell_runs()
    {
        var running = Client.SendExecute("await Task.Delay(60_000, Kernel.CancellationToken); \"finished\"");
        Client.TryReceiveFor("iopub", m => m.ParentMsgId == running && m.MsgType == "execute_input", KernelClient.DefaultTimeout);

        var control = Client.Request("kernel_info_request", new JsonObject(), channel: "control");
        var shell = Client.Request("kernel_info_request", new JsonObject(), channel: "shell");
        Assert.That(control.MsgType, Is.EqualTo("kernel_info_reply"));
        Assert.That(shell.MsgType, Is.EqualTo("kernel_info_reply"));
        Assert.That(Client.TryReceiveFor("shell", m => m.ParentMsgId == running, TimeSpan.Zero), Is.Null, "the cell is still running");

        var interrupt = Client.Request("interrupt_request", new JsonObject(), channel: "control");
        Assert.That(interrupt.Str("status"), Is.EqualTo("ok"));
        var result = Client.Collect(running);
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("KernelInterrupted"));
        Assert.That(Client.Execute("\"after\"").Result, Is.EqualTo("\"after\""));
    }

    [Test]
    public void Every_request_is_bracketed_by_busy_and_idle_with_its_parent()
    {
        var id = Client.Send("shell", "kernel_info_request", new JsonObject());
        Client.WaitForReply("shell", id, KernelClient.DefaultTimeout);
        var states = Client.IopubUntilIdle(id).Select(m => m.Str("execution_state"));
        Assert.That(states, Is.EqualTo(new[] { "busy", "idle" }));
    }

    [TestCase("6*7", "complete", null)]
    [TestCase("Console.WriteLine(\"hi\");", "complete", null)]
    [TestCase("if (true) {", "incomplete", "    ")]
    [TestCase("void F() {\n  if (true) {", "incomplete", "        ")]
    [TestCase("var s = \"unterminated", "incomplete", "")]
    [TestCase("int x = ;", "invalid", null)]
    public void Is_complete_tells_a_console_whether_to_run_or_continue(string code, string status, string? indent)
    {
        var reply = Client.Request("is_complete_request", new JsonObject { ["code"] = code });
        Assert.That(reply.Str("status"), Is.EqualTo(status));
        if (indent is not null)
            Assert.That(reply.Str("indent"), Is.EqualTo(indent));
    }

    [Test]
    public void Comm_info_lists_no_comms_and_an_unknown_comm_open_is_closed()
    {
        var info = Client.Request("comm_info_request", new JsonObject());
        Assert.That(info.Content.GetProperty("comms").EnumerateObject(), Is.Empty);

        var open = Client.Send("shell", "comm_open", new JsonObject { ["comm_id"] = "c1", ["target_name"] = "nobody", ["data"] = new JsonObject() });
        var messages = Client.IopubUntilIdle(open);
        var close = messages.Single(m => m.MsgType == "comm_close");
        Assert.That(close.Str("comm_id"), Is.EqualTo("c1"));
    }
}
