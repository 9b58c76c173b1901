using CSharpKernel.Tests.Faults;
using CSharpKernel.Tests.Harness;
using CSharpKernel.Tests.Interrupts;

namespace CSharpKernel.Tests.Execution;

/// <summary>
/// Work a cell starts (threads, timers, tasks, continuations) belongs to that cell: what it prints
/// or displays shows under that cell even once a later cell runs, it asks for input and sees the
/// interrupt as that cell, and the next cell's output and front end are not its to use. Each case
/// lets the work go only once the later cell runs, and waits for it there, so nothing is timed.
/// </summary>
public sealed class CellContextTests : KernelFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Declared in the first cell of every case: the work waits for go (or release) and sets said once it has spoken.</summary>
    public const string Signals = "var go = new ManualResetEventSlim();\nvar said = new ManualResetEventSlim();\n"
                                   + "var release = new TaskCompletionSource();\n";

    // Runs in the second cell; the continuation of an await on release runs inline, on this cell's thread.
    private const string LetGo = "go.Set();\nrelease.TrySetResult();\nsaid.Wait();\nConsole.WriteLine(\"cell two\");";

    private const string Say = "Console.WriteLine(\"late line\"); Console.Out.Flush(); said.Set();";
    private const string Boom = "throw new InvalidOperationException(\"late boom\");";

    [OneTimeSetUp]
    public void DeclareASurvivor() => Assert.That(Client.Execute("var survivor = 41;").Status, Is.EqualTo("ok"));

    [TestCase("new Thread(() => { go.Wait(); " + Say + " }).Start();",
        TestName = "A_thread_a_cell_started_prints_into_that_cell_after_the_next_cell_began")]
    [TestCase("_ = Task.Run(() => { go.Wait(); " + Say + " });",
        TestName = "A_task_a_cell_started_prints_into_that_cell_after_the_next_cell_began")]
    [TestCase("var timer = new Timer(_ => { go.Wait(); " + Say + " }, null, 0, Timeout.Infinite);",
        TestName = "A_timer_a_cell_started_prints_into_that_cell_after_the_next_cell_began")]
    [TestCase("async Task Later() { await release.Task; " + Say + " }\n_ = Later();",
        TestName = "An_await_in_a_cell_continues_into_that_cell_even_on_the_next_cells_thread")]
    public void Output_of_work_a_cell_started_goes_to_that_cell(string start)
    {
        var firstId = RunFirstCell(start);

        var second = Client.Execute(LetGo, timeout: Patience);
        Assert.That(second.Status, Is.EqualTo("ok"), second.ToString());
        Assert.That(second.Stdout, Is.EqualTo("cell two\n"), "the later cell shows only its own output");

        var late = Client.TryReceiveFor("iopub", m => m.ParentMsgId == firstId && m.MsgType == "stream", Patience);
        Assert.That(late?.Str("text"), Is.EqualTo("late line\n"), "the line is parented to the cell that started the work");
        Assert.That(late!.Str("name"), Is.EqualTo("stdout"));
    }

    [Test]
    public void A_display_from_a_thread_a_cell_started_shows_in_that_cell()
    {
        var firstId = RunFirstCell("new Thread(() => { go.Wait(); display(\"late display\"); said.Set(); }).Start();");

        var second = Client.Execute(LetGo, timeout: Patience);
        Assert.That(second.OfType("display_data"), Is.Empty, second.ToString());

        var late = Client.TryReceiveFor("iopub", m => m.ParentMsgId == firstId && m.MsgType == "display_data", Patience);
        Assert.That(late?.Content.GetProperty("data").GetProperty("text/plain").GetString(), Is.EqualTo("\"late display\""));
    }

    [TestCase("new Thread(() => { go.Wait(); " + Boom + " }).Start();",
        TestName = "An_exception_on_a_thread_a_cell_started_is_shown_in_that_cell_after_the_next_cell_began")]
    [TestCase("ThreadPool.QueueUserWorkItem(_ => { go.Wait(); " + Boom + " });",
        TestName = "An_exception_in_a_pool_item_a_cell_queued_is_shown_in_that_cell_after_the_next_cell_began")]
    [TestCase("var timer = new Timer(_ => { go.Wait(); " + Boom + " }, null, 0, Timeout.Infinite);",
        TestName = "An_exception_in_a_timer_a_cell_started_is_shown_in_that_cell_after_the_next_cell_began")]
    [TestCase("async void Fire() { await release.Task; " + Boom + " }\nFire();",
        TestName = "An_exception_escaping_an_async_void_method_of_a_cell_is_shown_in_that_cell_after_the_next_cell_began")]
    public void Exceptions_of_work_a_cell_started_are_shown_in_that_cell(string start)
    {
        var firstId = RunFirstCell(start);

        var secondId = Client.SendExecute("go.Set();\nrelease.TrySetResult();");
        var stderr = "";
        while (!stderr.Contains("late boom", StringComparison.Ordinal))
        {
            var more = Client.TryReceiveFor("iopub", m => m.ParentMsgId == firstId && m.MsgType == "stream" && m.Str("name") == "stderr", Patience)
                       ?? throw new TimeoutException($"the exception never reached the first cell's stderr: '{stderr}'\n{Client.Collect(secondId)}\n{Kernel.Stderr}");
            stderr += more.Str("text");
        }
        Assert.That(stderr, Does.Contain("System.InvalidOperationException: late boom").And.Contain("at Cell In["));
        var second = Client.Collect(secondId, Patience);
        Assert.That(second.Stderr, Does.Not.Contain("late boom"), "the later cell's output is its own");
        Assert.That(Client.Execute("survivor + 1").Result, Is.EqualTo("42"), "the kernel goes on");
    }

    [Test]
    public void A_task_a_cell_started_sees_that_cells_interrupt_even_when_it_looks_after_the_cell_ended()
    {
        var run = InterruptedRun.Start(Client, Signals
                                               + "var during = Task.Run(() => { var token = Kernel.CancellationToken; said.Set(); token.WaitHandle.WaitOne(); return token.IsCancellationRequested; });\n"
                                               + "var after = Task.Run(() => { go.Wait(); return Kernel.CancellationToken.IsCancellationRequested; });\n"
                                               + "said.Wait();\nConsole.WriteLine(\"ready\");\nwhile (true) { }", ControlRequests.Interrupt);
        Assert.That(run.Ename, Is.EqualTo(InterruptAssertions.InterruptedName), run.Interrupted.ToString());

        Assert.That(Client.Execute("await during").Result, Is.EqualTo("true"), "a task waiting on the cell's token is woken by the interrupt");
        Assert.That(Client.Execute("go.Set();\nawait after").Result, Is.EqualTo("true"),
            "a task that reads the token once a later cell runs still has its own cell's, cancelled");
    }

    [Test]
    public void Work_queued_without_the_cells_context_prints_into_the_latest_cell_as_before()
    {
        Client.Execute(Signals + "ThreadPool.UnsafeQueueUserWorkItem(_ => { go.Wait(); Console.WriteLine(\"unowned line\"); Console.Out.Flush(); said.Set(); }, null);",
            timeout: Patience);
        var second = Client.Execute("go.Set();\nsaid.Wait();", timeout: Patience);
        Assert.That(second.Stdout, Is.EqualTo("unowned line\n"), "no cell owns the work: its output goes to the cell running now");
    }

    /// <summary>Runs the first cell of a case, the one that starts the work; its msg_id.</summary>
    private string RunFirstCell(string start)
    {
        var first = Client.Execute(Signals + start, timeout: Patience);
        Assert.That(first.Status, Is.EqualTo("ok"), first.ToString());
        return first.Reply.ParentMsgId!;
    }
}
