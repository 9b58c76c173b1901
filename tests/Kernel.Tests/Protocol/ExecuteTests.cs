using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

public sealed class ExecuteTests : KernelFixture
{
    [Test]
    public void An_expression_cell_publishes_its_value_as_execute_result()
    {
        var result = Client.Execute("6*7");
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(result.Result, Is.EqualTo("42"));
    }

    [Test]
    public void Console_output_becomes_a_stdout_stream()
    {
        var result = Client.Execute("Console.WriteLine(\"hi\"); Console.Error.WriteLine(\"oops\");");
        Assert.That(result.Stdout, Is.EqualTo("hi\n"));
        Assert.That(result.Stderr, Is.EqualTo("oops\n"));
        Assert.That(result.Result, Is.Null);
    }

    [Test]
    public void Variables_carry_from_one_cell_to_the_next()
    {
        Client.Execute("var carried = 20;");
        Assert.That(Client.Execute("carried + 1").Result, Is.EqualTo("21"));
    }

    [Test]
    public void Iopub_goes_busy_then_input_then_outputs_then_idle()
    {
        var result = Client.Execute("Console.WriteLine(1); 2");
        var kinds = result.Iopub.Select(m => m.MsgType == "status" ? m.Str("execution_state") : m.MsgType).ToList();
        Assert.That(kinds, Is.EqualTo(new[] { "busy", "execute_input", "stream", "execute_result", "idle" }));
    }

    [Test]
    public void A_compile_error_lists_every_diagnostic_with_its_line_and_column()
    {
        var result = Client.Execute("var a = 1;\nint b = \"text\";\nundefinedName");
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("CompilationError"));
        var traceback = result.Reply.Content.GetProperty("traceback").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.That(traceback, Has.Count.EqualTo(2));
        Assert.That(traceback[0], Does.Contain("line 2, col 9").And.Contain("CS0029"));
        Assert.That(traceback[1], Does.Contain("line 3, col 1").And.Contain("CS0103"));
        Assert.That(result.Error, Is.Not.Null, "the error is published on iopub too");
    }

    [Test]
    public void A_runtime_exception_names_its_type_message_and_cell()
    {
        var result = Client.Execute("var before = 1;\nthrow new InvalidOperationException(\"boom\");");
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("InvalidOperationException"));
        Assert.That(result.Reply.Str("evalue"), Is.EqualTo("boom"));
        var count = result.Reply.Content.GetProperty("execution_count").GetInt32();
        var traceback = string.Join("\n", result.Reply.Content.GetProperty("traceback").EnumerateArray().Select(t => t.GetString()));
        Assert.That(traceback, Does.Contain($"Cell In[{count}], line 2"));
        Assert.That(traceback, Does.Not.Contain("CSharpKernel").And.Not.Contain("Microsoft.CodeAnalysis"));
    }

    [Test]
    public void The_execution_count_grows_once_per_stored_request()
    {
        var first = Client.Execute("1").Reply.Content.GetProperty("execution_count").GetInt32();
        Client.Execute("2", storeHistory: false);
        var silent = Client.Execute("3", silent: true);
        var next = Client.Execute("4").Reply.Content.GetProperty("execution_count").GetInt32();
        Assert.That(next, Is.EqualTo(first + 1));
        Assert.That(silent.Iopub.Select(m => m.MsgType), Is.EqualTo(new[] { "status", "status" }), "a silent request publishes nothing but its status");
    }

    [Test]
    public void After_an_error_queued_requests_are_aborted_and_later_ones_run()
    {
        var failing = Client.SendExecute("throw new Exception(\"first\");");
        var queued = Client.SendExecute("Console.WriteLine(\"must not run\");");
        Assert.That(Client.Collect(failing).Status, Is.EqualTo("error"));
        var aborted = Client.Collect(queued);
        Assert.That(aborted.Status, Is.EqualTo("aborted"));
        Assert.That(aborted.Stdout, Is.Empty);
        Assert.That(Client.Execute("\"later\"").Result, Is.EqualTo("\"later\""));
    }

    [Test]
    public void Output_of_a_long_cell_arrives_before_its_reply_with_no_line_lost()
    {
        var result = Client.Execute("for (var i = 0; i < 20000; i++) Console.WriteLine(i);");
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(20000));
        Assert.That(lines[^1], Is.EqualTo("19999"));
    }
}
