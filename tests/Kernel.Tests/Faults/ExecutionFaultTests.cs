using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;
using CSharpKernel.Tests.Interrupts;

namespace CSharpKernel.Tests.Faults;

/// <summary>
/// Nothing a cell does takes the kernel down or stops it serving: exceptions on threads it
/// started, a console it redirected, output written below .NET's Console, a value whose display
/// throws or never ends. Each case is followed by a cell that must still run.
/// </summary>
public sealed class ExecutionFaultTests : KernelFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    // The per-cell debug line shows that the kernel's log still reaches its own standard error.
    protected override IReadOnlyDictionary<string, string>? Environment =>
        new Dictionary<string, string> { ["CSHARP_KERNEL_DEBUG"] = "1" };

    [OneTimeSetUp]
    public void DeclareASurvivor() => Assert.That(Client.Execute("var survivor = 41;").Status, Is.EqualTo("ok"));

    [TestCase("var thread = new Thread(() => throw new InvalidOperationException(\"thread boom\"));\nthread.Start();\nthread.Join();",
        "System.InvalidOperationException: thread boom", TestName = "An_exception_on_a_thread_a_cell_started_is_shown_in_its_output_and_the_kernel_lives")]
    [TestCase("var pooled = new ManualResetEventSlim();\nThreadPool.QueueUserWorkItem(_ => { pooled.Set(); throw new InvalidOperationException(\"pool boom\"); });\npooled.Wait();",
        "System.InvalidOperationException: pool boom", TestName = "An_exception_in_a_thread_pool_work_item_is_shown_and_the_kernel_lives")]
    [TestCase("var timer = new System.Threading.Timer(_ => throw new InvalidOperationException(\"timer boom\"), null, 0, Timeout.Infinite);",
        "System.InvalidOperationException: timer boom", TestName = "An_exception_in_a_timer_callback_is_shown_and_the_kernel_lives")]
    [TestCase("async void Fire() { await Task.Yield(); throw new InvalidOperationException(\"async void boom\"); }\nFire();",
        "System.InvalidOperationException: async void boom", TestName = "An_exception_escaping_an_async_void_method_is_shown_and_the_kernel_lives")]
    [TestCase("void Lose() { var lost = Task.Run(() => throw new InvalidOperationException(\"unobserved boom\")); lost.ContinueWith(_ => { }).Wait(); }\n"
              + "Lose(); GC.Collect(); GC.WaitForPendingFinalizers();",
        "System.InvalidOperationException: unobserved boom", TestName = "An_unobserved_task_exception_is_shown")]
    public void A_background_exception_is_shown_with_its_traceback_and_the_kernel_goes_on(string code, string expected)
    {
        var id = Client.SendExecute(code);
        var result = Client.Collect(id, Patience);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        var stderr = StderrUntil(id, result, expected);
        Assert.That(stderr, Does.Contain(expected).And.Contain("at Cell In["), "the exception and where in the cell it was thrown");
        AssertTheKernelServes();
    }

    [Test]
    public void A_cell_that_silences_the_console_silences_only_itself()
    {
        var silenced = Client.Execute("Console.SetOut(TextWriter.Null);\nConsole.SetError(TextWriter.Null);\nConsole.WriteLine(\"hidden\");\nConsole.Error.WriteLine(\"hidden\");");
        Assert.That(silenced.Stdout + silenced.Stderr, Is.Empty, silenced.ToString());

        var next = Client.Execute("Console.WriteLine(\"visible\");\nConsole.Error.WriteLine(\"visible too\");");
        Assert.That(next.Stdout, Is.EqualTo("visible\n"), next.ToString());
        Assert.That(next.Stderr, Is.EqualTo("visible too\n"), next.ToString());
    }

    [Test]
    public void A_cell_that_redirects_the_console_keeps_its_redirection_while_it_runs()
    {
        var result = Client.Execute("var kept = new StringWriter();\nConsole.SetOut(kept);\nConsole.Write(\"to the writer\");\nkept.ToString()");
        Assert.That(result.Result, Is.EqualTo("\"to the writer\""), result.ToString());
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(Client.Execute("Console.WriteLine(\"back\");").Stdout, Is.EqualTo("back\n"));
    }

    [Test]
    public void A_child_process_writing_to_the_inherited_stdout_reaches_the_cell_in_order_with_managed_output()
    {
        var result = Client.Execute("""
                                    Console.WriteLine("a");
                                    using (var child = System.Diagnostics.Process.Start("echo", "b")) child.WaitForExit();
                                    Console.WriteLine("c");
                                    using (var child = System.Diagnostics.Process.Start("sh", "-c \"echo d >&2\"")) child.WaitForExit();
                                    """, timeout: Patience);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(result.Stdout, Is.EqualTo("a\nb\nc\n"), result.ToString());
        Assert.That(result.Stderr, Is.EqualTo("d\n"), result.ToString());
    }

    [Test]
    public void Native_writes_to_file_descriptors_1_and_2_reach_the_cell_and_not_the_terminal()
    {
        var result = Client.Execute("""
                                    static class Libc
                                    {
                                        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "write")]
                                        public static extern nint Write(int fd, byte[] buffer, nint count);
                                    }
                                    var native = System.Text.Encoding.UTF8.GetBytes("native out\n");
                                    Libc.Write(1, native, native.Length);
                                    var nativeError = System.Text.Encoding.UTF8.GetBytes("native err\n");
                                    Libc.Write(2, nativeError, nativeError.Length);
                                    """, timeout: Patience);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(result.Stdout, Is.EqualTo("native out\n"), result.ToString());
        Assert.That(result.Stderr, Is.EqualTo("native err\n"), result.ToString());

        // The kernel's standard error is one stream: once the log line of a later cell is there,
        // anything the native write had sent to it would be there too.
        var later = Client.Execute("1 + 1");
        var count = later.Reply.Content.GetProperty("execution_count").GetInt32();
        Assert.That(Kernel.WaitForStderr($"Cell In[{count}]: compiled", Patience), Is.True, "the kernel's log reaches its real stderr");
        Assert.That(Kernel.Stderr, Does.Not.Contain("native err"), "cell output no longer reaches the terminal");
    }

    [Test]
    public void What_a_child_writes_after_its_cell_ended_reaches_that_cells_output()
    {
        var id = Client.SendExecute("System.Diagnostics.Process.Start(\"sh\", \"-c \\\"sleep 0.3; echo late\\\"\");");
        var result = Client.Collect(id, Patience);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        var late = result.OfType("stream").FirstOrDefault(m => m.Str("text").Contains("late"))
                   ?? Client.TryReceiveFor("iopub", m => m.ParentMsgId == id && m.MsgType == "stream", Patience);
        Assert.That(late?.Str("text"), Is.EqualTo("late\n"), "the output goes to the request of the cell that started the child");
        Assert.That(late!.Str("name"), Is.EqualTo("stdout"));
    }

    [Test]
    public void A_user_expression_whose_display_throws_answers_its_own_error()
    {
        var result = Client.Execute("var ok = 1;", userExpressions: new JsonObject { ["lazy"] = "Enumerable.Range(0, 3).Select(i => 1 / (i - 1))" },
            timeout: Patience);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        var lazy = result.Reply.Content.GetProperty("user_expressions").GetProperty("lazy");
        Assert.That(lazy.GetProperty("status").GetString(), Is.EqualTo("error"), lazy.ToString());
        Assert.That(lazy.GetProperty("ename").GetString(), Is.EqualTo("DivideByZeroException"));
        AssertTheKernelServes();
    }

    [Test]
    public void A_value_whose_display_throws_is_the_cells_error()
    {
        var result = Client.Execute("Enumerable.Range(0, 3).Select(i => 1 / (i - 1))", timeout: Patience);
        Assert.That(result.Status, Is.EqualTo("error"), result.ToString());
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("DivideByZeroException"));
        Assert.That(result.Error?.Str("ename"), Is.EqualTo("DivideByZeroException"), "the error is published on iopub too");
        Assert.That(result.OfType("execute_result"), Is.Empty);
        AssertTheKernelServes();
    }

    [Test]
    public void A_display_that_never_ends_is_stopped_by_an_interrupt()
    {
        var run = InterruptedRun.Start(Client,
            "Console.WriteLine(\"ready\");\nEnumerable.Range(0, int.MaxValue).Select(i => { while (true) { } return i; })", ControlRequests.Interrupt);
        InterruptAssertions.StoppedWithStateIntact(Client, run);
    }

    [Test]
    public void A_display_whose_item_never_finishes_its_ToString_is_stopped_by_an_interrupt()
    {
        Assert.That(Client.Execute("class Endless { public override string ToString() { while (true) { } } }").Status, Is.EqualTo("ok"));
        var run = InterruptedRun.Start(Client, "Console.WriteLine(\"ready\");\nnew[] { new Endless() }", ControlRequests.Interrupt);
        InterruptAssertions.StoppedWithStateIntact(Client, run);
    }

    /// <summary>The stderr stream text parented to the request, waiting for more once its idle is there.</summary>
    private string StderrUntil(string id, ExecutionResult result, string expected)
    {
        var text = result.Stderr;
        while (!text.Contains(expected, StringComparison.Ordinal))
        {
            var more = Client.TryReceiveFor("iopub", m => m.ParentMsgId == id && m.MsgType == "stream" && m.Str("name") == "stderr", Patience)
                       ?? throw new TimeoutException($"'{expected}' never reached the cell's stderr; it has: {text}\n{Kernel.Stderr}");
            text += more.Str("text");
        }
        return text;
    }

    private void AssertTheKernelServes()
    {
        Assert.That(Kernel.Process.HasExited, Is.False, Kernel.Stderr);
        var next = Client.Execute("survivor + 1", timeout: Patience);
        Assert.That(next.Result, Is.EqualTo("42"), "the next cell runs, with the variables from before: " + next);
    }
}
