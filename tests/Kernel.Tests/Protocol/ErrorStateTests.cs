using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

/// <summary>Errors keep or leave state as users expect, and name cells as users see them.</summary>
public sealed class ErrorStateTests : KernelFixture
{
    private static List<string> Traceback(ExecutionResult result) =>
        result.Reply.Content.GetProperty("traceback").EnumerateArray().Select(t => t.GetString()!).ToList();

    private static int Count(ExecutionResult result) => result.Reply.Content.GetProperty("execution_count").GetInt32();

    [Test]
    public void A_cell_that_fails_to_compile_changes_nothing_and_lists_every_diagnostic()
    {
        Client.Execute("var kept = 1;");
        var result = Client.Execute("kept = 2;\nvar twice = \"a\" * 2;\n  missing();");
        var lines = Traceback(result);
        Assert.That(lines, Has.Count.EqualTo(2));
        Assert.That(lines[0], Is.EqualTo($"Cell In[{Count(result)}], line 2, col 13: error CS0019: Operator '*' cannot be applied to operands of type 'string' and 'int'"));
        Assert.That(lines[1], Does.StartWith($"Cell In[{Count(result)}], line 3, col 3: error CS0103"));
        Assert.That(Client.Execute("kept").Result, Is.EqualTo("1"));
    }

    [Test]
    public void A_cell_that_throws_keeps_what_it_assigned_before()
    {
        var result = Client.Execute("var z = 5;\nthrow new InvalidOperationException(\"boom\");");
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("InvalidOperationException"));
        Assert.That(Client.Execute("z").Result, Is.EqualTo("5"));
    }

    [Test]
    public void A_traceback_names_the_cells_and_lines_of_user_code_only()
    {
        var defining = Client.Execute("int Divide(int a, int b)\n{\n    return a / b;\n}");
        var calling = Client.Execute("var zero = 0;\nDivide(1, zero)");
        Assert.That(calling.Reply.Str("ename"), Is.EqualTo("DivideByZeroException"));
        var lines = Traceback(calling);
        Assert.That(lines[0], Is.EqualTo("System.DivideByZeroException: Attempted to divide by zero."));
        Assert.That(lines, Does.Contain($"   at Cell In[{Count(defining)}], line 3, in Divide"));
        Assert.That(lines, Does.Contain($"   at Cell In[{Count(calling)}], line 2"));
        var all = string.Join("\n", lines);
        Assert.That(all, Does.Not.Contain("CSharpKernel").And.Not.Contain("Microsoft.CodeAnalysis").And.Not.Contain("Submission#")
            .And.Not.Contain(".cs").And.Not.Contain("/tmp"));
    }

    [Test]
    public void A_traceback_through_a_lambda_and_await_still_names_the_cell()
    {
        var result = Client.Execute("async Task Fail() { await Task.Yield(); throw new ArgumentException(\"bad\"); }\n\nawait Fail();");
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("ArgumentException"));
        var lines = Traceback(result);
        Assert.That(lines, Does.Contain($"   at Cell In[{Count(result)}], line 1, in Fail"));
        Assert.That(lines, Does.Contain($"   at Cell In[{Count(result)}], line 3"));
    }

    [Test]
    public void Frames_in_lambdas_and_local_functions_are_named_as_written()
    {
        var defining = Client.Execute("Func<int> thrower = () => throw new Exception(\"lambda\");\nint Outer() { int Inner() => throw new Exception(\"local\"); return Inner(); }");
        var lambda = Traceback(Client.Execute("thrower()"));
        Assert.That(lambda, Does.Contain($"   at Cell In[{Count(defining)}], line 1, in a lambda"));
        var local = Traceback(Client.Execute("Outer()"));
        Assert.That(local, Does.Contain($"   at Cell In[{Count(defining)}], line 2, in Inner"));
        Assert.That(local, Does.Contain($"   at Cell In[{Count(defining)}], line 2, in Outer"));
    }

    [Test]
    public void The_error_is_published_on_iopub_as_well_as_in_the_reply()
    {
        var result = Client.Execute("throw new Exception(\"twice\");");
        Assert.That(result.Error!.Str("evalue"), Is.EqualTo("twice"));
        Assert.That(result.Stderr, Is.Empty);
    }

    [Test]
    public void With_stop_on_error_queued_requests_are_aborted_and_later_ones_run()
    {
        var failing = Client.SendExecute("throw new Exception(\"first\");");
        var queued1 = Client.SendExecute("Console.WriteLine(\"must not run\");");
        var queued2 = Client.SendExecute("var neverSet = 1;");
        Assert.That(Client.Collect(failing).Status, Is.EqualTo("error"));
        foreach (var queued in new[] { queued1, queued2 })
        {
            var aborted = Client.Collect(queued);
            Assert.That(aborted.Status, Is.EqualTo("aborted"));
            Assert.That(aborted.Iopub.Select(m => m.MsgType), Is.EqualTo(new[] { "status", "status" }), "no execution happened");
        }
        Assert.That(Client.Execute("neverSet").Reply.Str("evalue"), Does.Contain("CS0103"));
        Assert.That(Client.Execute("\"later\"").Result, Is.EqualTo("\"later\""));
    }

    [Test]
    public void Without_stop_on_error_queued_requests_still_run()
    {
        var failing = Client.SendExecute("throw new Exception(\"first\");", stopOnError: false);
        var queued = Client.SendExecute("Console.WriteLine(\"ran\");");
        Assert.That(Client.Collect(failing).Status, Is.EqualTo("error"));
        var ran = Client.Collect(queued);
        Assert.That(ran.Status, Is.EqualTo("ok"));
        Assert.That(ran.Stdout, Is.EqualTo("ran\n"));
    }
}
