using System.Text.Json.Nodes;

namespace CSharpKernel.Tests.Server;

/// <summary>
/// The server runs unchanged with another language: every generic rule (status order, execution
/// count, execute_input, execute_result, aborts after an error, interrupt, shutdown) holds for the
/// echo interpreter, over real sockets, with the tests' own client.
/// </summary>
public sealed class EchoServerTests
{
    private EchoKernel _kernel = null!;

    [SetUp]
    public void Start() => _kernel = new EchoKernel();

    [TearDown]
    public void Stop() => _kernel.Dispose();

    [Test]
    public void Kernel_info_describes_the_interpreters_language_in_the_servers_protocol()
    {
        var reply = _kernel.Client.Request("kernel_info_request", new JsonObject());

        Assert.That(reply.MsgType, Is.EqualTo("kernel_info_reply"));
        Assert.That(reply.Content.GetProperty("language_info").GetProperty("name").GetString(), Is.EqualTo("echo"));
        Assert.That(reply.Str("implementation"), Is.EqualTo("echo-kernel"));
        Assert.That(reply.Str("banner"), Is.EqualTo("Echo: says what it is told"));
        Assert.That(reply.Str("protocol_version"), Is.EqualTo("5.4"));
    }

    [Test]
    public void An_execute_publishes_busy_input_stream_result_idle_in_order_and_counts()
    {
        var first = _kernel.Client.Execute("hello");
        var second = _kernel.Client.Execute("again");

        Assert.That(first.Iopub.Select(m => m.MsgType), Is.EqualTo(new[] { "status", "execute_input", "stream", "execute_result", "status" }), first.ToString());
        Assert.That(first.Iopub[0].Str("execution_state"), Is.EqualTo("busy"));
        Assert.That(first.Stdout, Is.EqualTo("hello"));
        Assert.That(first.Result, Is.EqualTo("hello"));
        Assert.That(first.Reply.Str("status"), Is.EqualTo("ok"));
        Assert.That(first.Reply.Content.GetProperty("execution_count").GetInt32(), Is.EqualTo(1));
        Assert.That(second.Reply.Content.GetProperty("execution_count").GetInt32(), Is.EqualTo(2));
        Assert.That(second.OfType("execute_result").Single().Content.GetProperty("execution_count").GetInt32(), Is.EqualTo(2));
        Assert.That(second.OfType("execute_input").Single().Content.GetProperty("execution_count").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public void An_error_aborts_the_requests_queued_behind_it_and_the_next_one_runs()
    {
        var failing = _kernel.Client.SendExecute("fail after gate");
        var queued = new[] { _kernel.Client.SendExecute("never 1"), _kernel.Client.SendExecute("never 2") };
        // Both requests have reached the server once it has answered a request sent after them on the same socket.
        _kernel.Client.Request("is_complete_request", new JsonObject { ["code"] = "x" });
        _kernel.Interpreter.OpenGate();

        var error = _kernel.Client.Collect(failing);
        var aborted = queued.Select(id => _kernel.Client.Collect(id)).ToList();
        var after = _kernel.Client.Execute("after");

        Assert.That(error.Reply.Str("status"), Is.EqualTo("error"));
        Assert.That(error.Reply.Str("ename"), Is.EqualTo("EchoError"));
        Assert.That(error.Error!.Str("evalue"), Is.EqualTo("told to fail"));
        Assert.That(aborted.Select(a => a.Reply.Str("status")), Is.EqualTo(new[] { "aborted", "aborted" }));
        Assert.That(aborted.SelectMany(a => a.Iopub).Select(m => m.MsgType).Distinct(), Is.EqualTo(new[] { "status" }), "an aborted request only goes busy and idle");
        Assert.That(_kernel.Interpreter.Executed, Is.EqualTo(new[] { "fail after gate", "after" }));
        Assert.That(after.Reply.Content.GetProperty("execution_count").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public void An_interrupt_reaches_the_running_cell_through_its_context()
    {
        var running = _kernel.Client.SendExecute("wait");
        Assert.That(_kernel.Client.TryReceiveFor("iopub", m => m.ParentMsgId == running && m.MsgType == "execute_input", KernelClientTimeout), Is.Not.Null);

        var interrupt = _kernel.Client.Request("interrupt_request", new JsonObject(), "control");
        var result = _kernel.Client.Collect(running);

        Assert.That(interrupt.MsgType, Is.EqualTo("interrupt_reply"));
        Assert.That(result.Reply.Str("status"), Is.EqualTo("error"));
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("KeyboardInterrupt"));
        Assert.That(_kernel.Client.Execute("still here").Result, Is.EqualTo("still here"));
    }

    [Test]
    public void Shutdown_replies_tells_the_interpreter_and_stops_the_server()
    {
        var reply = _kernel.Client.Request("shutdown_request", new JsonObject { ["restart"] = true }, "control");

        Assert.That(reply.MsgType, Is.EqualTo("shutdown_reply"));
        Assert.That(reply.Content.GetProperty("restart").GetBoolean(), Is.True);
        Assert.That(_kernel.Stopped(TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(_kernel.Interpreter.ShutdownRestart, Is.True);
    }

    private static TimeSpan KernelClientTimeout => KernelClient.DefaultTimeout;
}
