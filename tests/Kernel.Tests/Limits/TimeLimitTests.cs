using System.Text.Json.Nodes;

namespace CSharpKernel.Tests.Limits;

/// <summary>
/// A cell that runs longer than its limit is interrupted through the interrupt machinery, with an
/// error that says the limit; what it assigned before is kept. Work the cell left running is
/// stopped when the cell's time is up; waiting for the user's input does not count.
/// </summary>
public sealed class TimeLimitTests : LimitedKernel
{
    private const string TimeLimitName = "TimeLimitExceeded";
    private static readonly string LimitText = $"ran longer than the {TimeSeconds} s limit per cell (CSHARP_KERNEL_TIME_LIMIT_S)";

    [Test]
    public void An_endless_loop_is_stopped_at_the_limit_and_keeps_what_it_assigned()
    {
        var run = Client.Execute("var assignedBefore = 7;\nwhile (true) { }");
        AssertFailed(run, TimeLimitName, LimitText);
        AssertStateKept();
        Assert.That(Client.Execute("assignedBefore").Result, Is.EqualTo("7"));
    }

    [Test]
    public void A_cell_asleep_is_woken_at_the_limit()
    {
        AssertFailed(Client.Execute("Thread.Sleep(600_000);"), TimeLimitName, LimitText);
        AssertStateKept();
    }

    [Test]
    public void A_loop_in_a_thread_the_cell_waits_for_is_stopped_with_the_cell()
    {
        var run = Client.Execute("var looping = new Thread(() => { while (true) { } });\nlooping.Start();\nlooping.Join();");
        AssertFailed(run, TimeLimitName, LimitText);
        Assert.That(Client.Execute("looping.Join(TimeSpan.FromSeconds(20))").Result, Is.EqualTo("true"), "the thread's loop stopped too");
        AssertStateKept();
    }

    [Test]
    public void A_task_left_looping_after_its_cell_ended_is_stopped_when_the_cells_time_is_up()
    {
        var id = Client.SendExecute("var loop = Task.Run(() => { while (true) { } });\n\"started\"");
        var run = Client.Collect(id);
        Assert.That(run.Result, Is.EqualTo("\"started\""), "the cell itself ends at once");
        var notice = Client.TryReceiveFor("iopub", m => m.ParentMsgId == id && m.MsgType == "stream" && m.Str("text").Contains("[time limit:"),
            TimeSpan.FromSeconds(30));
        Assert.That(notice?.Str("text"), Does.Contain($"work this cell started was still running after {TimeSeconds} s and was stopped"),
            "the notice goes to the cell that started the work");
        var stopped = Client.Execute(LimitedKernel.HowItEnded("loop"));
        Assert.That(stopped.Result, Is.EqualTo("\"stopped\""));
        AssertStateKept();
    }

    [Test]
    public void Waiting_for_input_does_not_count()
    {
        var id = Client.SendExecute("var answer = Console.ReadLine();\nanswer", allowStdin: true);
        Assert.That(Client.TryReceiveFor("stdin", m => m.MsgType == "input_request", TimeSpan.FromSeconds(30)), Is.Not.Null);
        // The user takes longer to answer than a cell may run: that time is the user's, not the cell's.
        Thread.Sleep(TimeSpan.FromSeconds(TimeSeconds + 1));
        Client.AnswerInput("late");
        Assert.That(Client.Collect(id).Result, Is.EqualTo("\"late\""));
    }

    [Test]
    public void The_kernel_answers_while_a_cell_runs_into_its_limit()
    {
        var id = Client.SendExecute("Console.WriteLine(\"ready\");\nwhile (true) { }");
        Assert.That(Client.TryReceiveFor("iopub", m => m.ParentMsgId == id && m.MsgType == "stream", TimeSpan.FromSeconds(30)), Is.Not.Null);
        var info = Client.Request("kernel_info_request", new JsonObject(), channel: "control");
        Assert.That(info.Str("status"), Is.EqualTo("ok"));
        AssertFailed(Client.Collect(id), TimeLimitName, LimitText);
    }
}
