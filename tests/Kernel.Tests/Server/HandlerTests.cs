using System.Text;
using System.Text.Json.Nodes;

namespace CSharpKernel.Tests.Server;

/// <summary>
/// The protocol's rules, checked on the dispatcher and handlers with no process and no socket: a
/// client's frames go in, and what the server would send is read back from a recording sender.
/// The real-process tests (Protocol, Faults, Interrupts) remain the acceptance.
/// </summary>
public sealed class HandlerTests
{
    private InProcessKernel _kernel = null!;

    [SetUp]
    public void Start() => _kernel = new InProcessKernel();

    [TearDown]
    public void Stop() => _kernel.Dispose();

    [Test]
    public void Every_request_is_answered_between_busy_and_idle_on_iopub()
    {
        foreach (var (msgType, content) in new (string, JsonObject)[]
        {
            ("kernel_info_request", []),
            ("complete_request", new JsonObject { ["code"] = "ab", ["cursor_pos"] = 2 }),
            ("inspect_request", new JsonObject { ["code"] = "ab", ["cursor_pos"] = 2, ["detail_level"] = 0 }),
            ("is_complete_request", new JsonObject { ["code"] = "ab\\" }),
            ("history_request", new JsonObject { ["hist_access_type"] = "tail", ["n"] = 10, ["output"] = false, ["raw"] = true }),
            ("comm_info_request", []),
        })
        {
            var sent = _kernel.UntilIdle(_kernel.Send("shell", msgType, content));
            Assert.That(sent.Select(m => $"{m.Channel} {m.MsgType}"), Is.EqualTo(new[]
            {
                "iopub status", $"shell {msgType.Replace("_request", "_reply")}", "iopub status",
            }), msgType);
            Assert.That(sent[0].Str("execution_state"), Is.EqualTo("busy"));
        }
    }

    [Test]
    public void Replies_carry_what_the_interpreter_answered()
    {
        var info = _kernel.UntilIdle(_kernel.Send("control", "kernel_info_request", []))[1];
        var complete = _kernel.UntilIdle(_kernel.Send("shell", "complete_request", new JsonObject { ["code"] = "ab", ["cursor_pos"] = 1 }))[1];
        var isComplete = _kernel.UntilIdle(_kernel.Send("shell", "is_complete_request", new JsonObject { ["code"] = "ab\\" }))[1];

        Assert.That(info.Channel, Is.EqualTo("control"));
        Assert.That(info.Message.Content.GetProperty("language_info").GetProperty("name").GetString(), Is.EqualTo("echo"));
        Assert.That(info.Str("protocol_version"), Is.EqualTo("5.4"));
        Assert.That(complete.Message.Content.GetProperty("matches")[0].GetString(), Is.EqualTo("a!"));
        Assert.That(isComplete.Str("status"), Is.EqualTo("incomplete"));
    }

    [Test]
    public void An_execute_sends_input_output_result_and_reply_in_order_and_counts_each_cell()
    {
        var first = _kernel.UntilIdle(_kernel.Execute("one"));
        var second = _kernel.UntilIdle(_kernel.Execute("two"));

        Assert.That(first.Select(m => $"{m.Channel} {m.MsgType}"), Is.EqualTo(new[]
        {
            "iopub status", "iopub execute_input", "iopub stream", "iopub execute_result", "shell execute_reply", "iopub status",
        }));
        Assert.That(first[1].Int("execution_count"), Is.EqualTo(1));
        Assert.That(first[3].Int("execution_count"), Is.EqualTo(1));
        Assert.That(first[4].Int("execution_count"), Is.EqualTo(1));
        Assert.That(second[4].Int("execution_count"), Is.EqualTo(2));
        Assert.That(second[3].Message.Content.GetProperty("data").GetProperty("text/plain").GetString(), Is.EqualTo("two"));
    }

    [Test]
    public void A_silent_execute_sends_only_its_reply_and_is_not_counted()
    {
        var silent = _kernel.UntilIdle(_kernel.Execute("quiet", silent: true));
        var counted = _kernel.UntilIdle(_kernel.Execute("loud"));

        Assert.That(silent.Select(m => m.MsgType), Is.EqualTo(new[] { "status", "execute_reply", "status" }));
        Assert.That(silent[1].Str("status"), Is.EqualTo("ok"));
        Assert.That(counted.Single(m => m.MsgType == "execute_reply").Int("execution_count"), Is.EqualTo(1));
    }

    [Test]
    public void An_error_is_published_and_replied_and_aborts_what_was_queued_behind_it()
    {
        var failing = _kernel.Execute("fail after gate");
        var queued = _kernel.Execute("queued");
        _kernel.Interpreter.OpenGate();

        var error = _kernel.UntilIdle(failing);
        var aborted = _kernel.UntilIdle(queued);
        var after = _kernel.UntilIdle(_kernel.Execute("after"));

        Assert.That(error.Select(m => m.MsgType), Is.EqualTo(new[] { "status", "execute_input", "error", "execute_reply", "status" }));
        Assert.That(error[3].Str("status"), Is.EqualTo("error"));
        Assert.That(error[3].Str("ename"), Is.EqualTo("EchoError"));
        Assert.That(aborted.Select(m => m.MsgType), Is.EqualTo(new[] { "status", "execute_reply", "status" }));
        Assert.That(aborted[1].Str("status"), Is.EqualTo("aborted"));
        Assert.That(after.Single(m => m.MsgType == "execute_reply").Str("status"), Is.EqualTo("ok"));
        Assert.That(_kernel.Interpreter.Executed, Is.EqualTo(new[] { "fail after gate", "after" }));
    }

    [Test]
    public void Without_stop_on_error_the_queue_runs_on_after_an_error()
    {
        var failing = _kernel.Execute("fail after gate", stopOnError: false);
        var queued = _kernel.Execute("queued");
        _kernel.Interpreter.OpenGate();

        _kernel.UntilIdle(failing);
        var next = _kernel.UntilIdle(queued);

        Assert.That(next.Single(m => m.MsgType == "execute_reply").Str("status"), Is.EqualTo("ok"));
        Assert.That(next.Single(m => m.MsgType == "execute_reply").Int("execution_count"), Is.EqualTo(2));
    }

    [Test]
    public void Content_that_cannot_be_read_gets_an_error_reply_at_once_and_is_never_run()
    {
        var execute = _kernel.UntilIdle(_kernel.SendRaw("shell", "execute_request", Encoding.UTF8.GetBytes("{\"code\": 5}")));
        var complete = _kernel.UntilIdle(_kernel.SendRaw("shell", "complete_request", Encoding.UTF8.GetBytes("{\"code\": \"a\", \"cursor_pos\": \"end\"}")));

        Assert.That(execute.Select(m => m.MsgType), Is.EqualTo(new[] { "status", "execute_reply", "status" }));
        Assert.That(execute[1].Str("status"), Is.EqualTo("error"));
        Assert.That(execute[1].Int("execution_count"), Is.EqualTo(0), "an execute_reply always carries a count");
        Assert.That(complete[1].MsgType, Is.EqualTo("complete_reply"));
        Assert.That(complete[1].Str("status"), Is.EqualTo("error"));
        Assert.That(_kernel.Interpreter.Executed, Is.Empty);
    }

    [Test]
    public void An_unknown_message_type_gets_no_reply_and_the_next_request_is_answered()
    {
        var unknown = _kernel.Send("shell", "frobnicate_request", []);
        var next = _kernel.UntilIdle(_kernel.Send("shell", "kernel_info_request", []));

        Assert.That(next[1].MsgType, Is.EqualTo("kernel_info_reply"));
        Assert.That(_kernel.Sent.All.Where(m => m.ParentId == unknown), Is.Empty);
    }

    [Test]
    public void An_interrupt_on_control_cancels_the_running_cell_which_still_gets_its_reply()
    {
        var running = _kernel.Execute("wait");
        _kernel.WaitFor(m => m.ParentId == running && m.MsgType == "execute_input");

        var interrupt = _kernel.UntilIdle(_kernel.Send("control", "interrupt_request", []));
        var cell = _kernel.UntilIdle(running);

        Assert.That(interrupt[1].MsgType, Is.EqualTo("interrupt_reply"));
        Assert.That(cell.Single(m => m.MsgType == "execute_reply").Str("ename"), Is.EqualTo("KeyboardInterrupt"));
    }

    [Test]
    public void Input_goes_to_the_client_on_stdin_only_when_the_request_allows_it()
    {
        var refused = _kernel.UntilIdle(_kernel.Execute("input"));
        var asking = _kernel.Execute("input", allowStdin: true);
        var request = _kernel.WaitFor(m => m.ParentId == asking && m.MsgType == "input_request");
        _kernel.Send("stdin", "input_reply", new JsonObject { ["value"] = "typed" });
        var answered = _kernel.UntilIdle(asking);

        Assert.That(refused.Single(m => m.MsgType == "execute_reply").Str("status"), Is.EqualTo("error"));
        Assert.That(request.Channel, Is.EqualTo("stdin"));
        Assert.That(request.Str("prompt"), Is.EqualTo("say: "));
        Assert.That(answered.Single(m => m.MsgType == "stream").Str("text"), Is.EqualTo("typed"));
    }

    [Test]
    public void Shutdown_replies_with_the_restart_flag_before_the_server_is_asked_to_stop()
    {
        var sent = _kernel.UntilIdle(_kernel.Send("control", "shutdown_request", new JsonObject { ["restart"] = true }));

        Assert.That(sent[1].MsgType, Is.EqualTo("shutdown_reply"));
        Assert.That(sent[1].Message.Content.GetProperty("restart").GetBoolean(), Is.True);
        Assert.That(_kernel.ShutdownRequested, Is.True);
    }

    [Test]
    public void A_comm_open_for_an_unknown_target_is_closed()
    {
        var sent = _kernel.UntilIdle(_kernel.Send("shell", "comm_open", new JsonObject
        {
            ["comm_id"] = "c1", ["target_name"] = "nobody", ["data"] = new JsonObject(),
        }));

        Assert.That(sent.Select(m => m.MsgType), Is.EqualTo(new[] { "status", "comm_close", "status" }));
        Assert.That(sent[1].Str("comm_id"), Is.EqualTo("c1"));
    }
}
