using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Interrupts;

/// <summary>
/// interrupt_request on control stops whatever the cell is doing. Every case checks what the user
/// sees: an error reply and iopub error named KernelInterrupted, the output printed before the
/// interrupt, the queued cell aborted, and the next cell running with the variables from before.
/// </summary>
public sealed class InterruptTests : KernelFixture
{
    [OneTimeSetUp]
    public void DeclareASurvivor() => Assert.That(Client.Execute("var survivor = 41;").Status, Is.EqualTo("ok"));

    [Test]
    public void A_tight_empty_loop_stops() => AssertInterrupts("while (true) { }");

    [Test]
    public void A_loop_with_no_braces_and_no_calls_stops() => AssertInterrupts("var x = 0L;\nfor (;;) x++;");

    [Test]
    public void Runaway_recursion_with_no_loops_stops() =>
        AssertInterrupts("long F(int n) => n <= 0 ? 1 : F(n - 1) + F(n - 1);\nF(80)");

    [Test]
    public void A_loop_that_swallows_every_exception_still_stops() =>
        AssertInterrupts("while (true) { try { while (true) { } } catch { } }");

    [Test]
    public void Thread_sleep_is_woken() => AssertInterrupts("Thread.Sleep(60000);");

    [Test]
    public void Waiting_for_a_task_that_never_completes_is_woken() =>
        AssertInterrupts("new TaskCompletionSource().Task.Wait();");

    [Test]
    public void Monitor_wait_is_woken() => AssertInterrupts("var gate = new object();\nlock (gate) { Monitor.Wait(gate); }");

    [Test]
    public void Code_that_catches_the_wake_up_and_sleeps_again_still_stops() =>
        AssertInterrupts("while (true) { try { Thread.Sleep(60000); } catch (ThreadInterruptedException) { } }");

    [Test]
    public void A_console_read_line_waiting_for_the_front_end_is_woken() =>
        AssertInterrupts("Console.ReadLine();", allowStdin: true);

    [Test]
    public void An_awaited_delay_is_left_behind() => AssertInterrupts("await Task.Delay(60000);");

    [Test]
    public void Awaiting_a_task_that_never_completes_is_left_behind() =>
        AssertInterrupts("await new TaskCompletionSource().Task;");

    [Test]
    public void Variables_a_cell_assigned_before_the_interrupt_are_kept()
    {
        AssertInterrupts("var assignedBeforeInterrupt = 7;\nwhile (true) { }");
        Assert.That(Client.Execute("assignedBeforeInterrupt").Result, Is.EqualTo("7"));
    }

    [Test]
    public void A_cell_left_behind_at_an_await_keeps_nothing_and_is_not_heard_from_again()
    {
        // The left-behind cell waits for a gate the next cell opens, and tells that cell when it has
        // tried all it may not do, so the test depends on no timing.
        Client.Execute("var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);\n"
                       + "var lateDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);");
        AssertInterrupts("var leftBehind = 1;\nawait release.Task;\n"
                         + "try { Console.WriteLine(\"late output\"); display(\"late display\"); Console.ReadLine(); } finally { lateDone.SetResult(); }");
        var next = Client.Execute("release.SetResult(); await lateDone.Task; \"next\"", allowStdin: true);
        Assert.That(next.Result, Is.EqualTo("\"next\""));
        Assert.That(next.Stdout, Does.Not.Contain("late output"), "the abandoned continuation's output does not leak into the next cell");
        Assert.That(next.OfType("display_data"), Is.Empty, "nor its displays");
        Assert.That(Client.TryReceive("stdin", TimeSpan.Zero), Is.Null, "nor does it ask the next cell's front end for input");
        var unknown = Client.Execute("leftBehind");
        Assert.That(unknown.Reply.Str("ename"), Is.EqualTo("CompilationError"), "the chain stayed at the last good state");
    }

    [Test]
    public void The_cells_cancellation_token_is_cancelled_and_code_observing_it_stops()
    {
        var code = """
                   var token = Kernel.CancellationToken;
                   var workerStarted = new ManualResetEventSlim();
                   var worker = Task.Run(() => { var handle = token.WaitHandle; workerStarted.Set(); handle.WaitOne(); token.ThrowIfCancellationRequested(); }, token);
                   workerStarted.Wait();
                   worker.Wait();
                   """;
        AssertInterrupts(code);
        Assert.That(Client.Execute("token.IsCancellationRequested").Result, Is.EqualTo("true"));
        Assert.That(Client.Execute("SpinWait.SpinUntil(() => worker.IsCompleted, 10_000) && worker.IsCanceled").Result, Is.EqualTo("true"),
            "the worker saw the interrupt and stopped");
    }

    [Test]
    public void Threads_and_timers_a_cell_started_stop_with_it_and_the_kernel_lives()
    {
        var code = """
                   var threadStopped = new ManualResetEventSlim();
                   var spinner = new Thread(() => { try { while (true) { } } finally { threadStopped.Set(); } }) { IsBackground = true };
                   spinner.Start();
                   var timerStopped = new ManualResetEventSlim();
                   var timer = new Timer(_ => { try { while (true) { } } finally { timerStopped.Set(); } }, null, 0, Timeout.Infinite);
                   while (true) { }
                   """;
        AssertInterrupts(code);
        Assert.That(Client.Execute("threadStopped.Wait(10_000) && timerStopped.Wait(10_000)").Result, Is.EqualTo("true"));
    }

    [Test]
    public void An_interrupt_while_idle_is_answered_and_changes_nothing()
    {
        var reply = Client.Request("interrupt_request", new JsonObject(), channel: "control");
        Assert.That(reply.Str("status"), Is.EqualTo("ok"));
        var next = Client.Execute("Thread.Sleep(20); survivor + 1");
        Assert.That(next.Result, Is.EqualTo("42"), next.ToString());
    }

    [Test]
    public void Unbounded_recursion_becomes_an_error_and_the_kernel_lives()
    {
        var result = Client.Execute("int G(int n) => G(n + 1) + 1;\nG(0)");
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("InsufficientExecutionStackException"));
        Assert.That(Client.Execute("survivor + 1").Result, Is.EqualTo("42"));
    }

    [Test]
    public void Unbounded_recursion_on_a_thread_pool_thread_becomes_an_error_too()
    {
        var result = Client.Execute("int G(int n) => G(n + 1) + 1;\nawait Task.Run(() => G(0))");
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("InsufficientExecutionStackException"), result.ToString());
        Assert.That(Client.Execute("survivor + 1").Result, Is.EqualTo("42"));
    }

    [Test]
    public void Deep_but_finite_recursion_still_runs()
    {
        var result = Client.Execute("int Depth(int n) => n == 0 ? 0 : 1 + Depth(n - 1);\nDepth(200_000)");
        Assert.That(result.Result, Is.EqualTo("200000"), result.ToString());
    }

    [Test]
    public void A_runtime_error_inside_instrumented_code_names_the_users_line()
    {
        var result = Client.Execute("var i = 0;\nwhile (true)\n{\n    if (++i == 3) throw new InvalidOperationException(\"third\");\n}");
        var count = result.Reply.Content.GetProperty("execution_count").GetInt32();
        var traceback = string.Join("\n", result.Reply.Content.GetProperty("traceback").EnumerateArray().Select(t => t.GetString()));
        Assert.That(traceback, Does.Contain($"Cell In[{count}], line 4"), traceback);
    }

    [Test]
    public void A_compile_error_inside_a_loop_names_the_line_and_column_as_written()
    {
        var result = Client.Execute("var n = 0;\nwhile (true) { int y = \"text\"; }");
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("CompilationError"));
        Assert.That(result.Reply.Str("evalue"), Does.StartWith("(2,24): CS0029"));
    }

    [Test]
    public void A_declaration_as_a_loop_body_is_still_a_compile_error()
    {
        var result = Client.Execute("while (true) int y = 1;");
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("CompilationError"));
        Assert.That(result.Reply.Str("evalue"), Does.Contain("CS1023"));
    }

    private InterruptedRun AssertInterrupts(string code, bool allowStdin = false)
    {
        var run = InterruptedRun.Start(Client, $"Console.WriteLine(\"{InterruptedRun.ReadyMarker}\");\n{code}", SendInterrupt, allowStdin);
        InterruptAssertions.StoppedWithStateIntact(Client, run);
        return run;
    }

    private static void SendInterrupt(KernelClient client) =>
        Assert.That(client.Request("interrupt_request", new JsonObject(), channel: "control").Str("status"), Is.EqualTo("ok"));
}
