using System.Runtime.CompilerServices;
using CSharpKernel.Execution;

namespace CSharpKernel.Tests.Execution;

/// <summary>
/// Cells that declare nothing later cells could bind to run from the chain without joining it:
/// what they assign, start and create must behave as if they had joined.
/// </summary>
public sealed class DetachedCellTests
{
    private SessionCells _cells = null!;

    [SetUp]
    public void StartSession() => _cells = new SessionCells(new EngineSettings());

    private object? Value(string code) => _cells.Value(code);

    [Test]
    public void A_cell_that_declares_nothing_does_not_enter_the_chain_and_its_assignments_stay()
    {
        Value("var n = 1;");
        Value("n = n + 1;");
        Value("Console.Out.Flush();");
        Assert.That(_cells.Session.SubmittedCells, Is.EqualTo(new[] { "var n = 1;" }));
        Assert.That(Value("n"), Is.EqualTo(2));
    }

    [TestCase("int.TryParse(\"5\", out var parsed);")]
    [TestCase("var (a, b) = (1, 2);")]
    [TestCase("int Twice(int x) => 2 * x;")]
    [TestCase("class Point { }")]
    [TestCase("using System.Text.RegularExpressions;")]
    public void A_cell_that_declares_something_enters_the_chain(string code)
    {
        Value(code);
        Assert.That(_cells.Session.SubmittedCells, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_closure_over_a_variable_sees_what_a_detached_cell_assigned()
    {
        Value("var count = 0;\nFunc<int> read = () => count;");
        Value("count = 5;");
        Assert.That(Value("read()"), Is.EqualTo(5));
    }

    [Test]
    public void A_lambda_made_in_a_detached_cell_and_kept_in_an_earlier_variable_is_callable_later()
    {
        Value("Func<int>? twice = null;\nvar k = 3;");
        Value("twice = () => k * 2;");
        Value("k = 4;");
        Assert.That(Value("twice()"), Is.EqualTo(8));
    }

    [Test]
    public void A_task_a_detached_cell_started_runs_on_after_the_cell_ends()
    {
        Value("var gate = new TaskCompletionSource<int>();\nTask<int>? pending = null;");
        Value("pending = Task.Run(async () => await gate.Task + 1);");
        Value("gate.SetResult(41);");
        Assert.That(Value("await pending!"), Is.EqualTo(42));
    }

    [Test]
    public void A_detached_cell_that_throws_names_its_line_and_keeps_what_it_assigned()
    {
        Value("var x = 1;");
        var outcome = _cells.Run("x = 2;\nthrow new InvalidOperationException(\"boom\");");
        Assert.That(outcome.Error?.Ename, Is.EqualTo(nameof(InvalidOperationException)));
        Assert.That(outcome.Error!.Traceback, Has.Some.StartsWith($"   at Cell In[{_cells.Count}], line 2"));
        Assert.That(Value("x"), Is.EqualTo(2));
    }

    [Test]
    public void Code_a_detached_cell_left_behind_gets_a_traceback_with_its_lines_after_later_cells()
    {
        Value("Action? later = null;");
        Value("later = () =>\n    throw new InvalidOperationException(\"later\");");
        var definedIn = _cells.Count;
        Value("Console.Out.Flush();");
        Assert.That(_cells.Session.TryReadVariable("later", out var later), Is.True);
        var thrown = Assert.Throws<InvalidOperationException>(() => ((Action)later!)())!;
        Assert.That(_cells.Session.Describe(thrown).Traceback, Has.Some.StartsWith($"   at Cell In[{definedIn}], line 2"));
    }

    [Test]
    public void History_values_survive_detached_cells()
    {
        Assert.That(Value("6 * 7"), Is.EqualTo(42));
        Value("Console.Out.Flush();");
        Assert.That(Value("_ + 0"), Is.EqualTo(42));
        Assert.That(_cells.Session.History.Out[1], Is.EqualTo(42));
    }

    [Test]
    public void A_display_handle_kept_in_a_variable_is_updated_from_a_detached_cell()
    {
        Value("var shown = new List<string>();\nvar handle = display(\"first\");");
        Assert.That(_cells.Run("handle.Update(\"second\");\nshown.Add(\"updated\");").Error, Is.Null);
        Assert.That(Value("shown.Count"), Is.EqualTo(1));
    }

    [Test]
    public void Reset_lets_the_old_chain_be_collected()
    {
        Value("var kept = new object();\nAppDomain.CurrentDomain.SetData(\"reset-probe\", new WeakReference(kept));");
        Assert.That(Inspect("kept"), Is.True);
        var probe = (WeakReference)AppDomain.CurrentDomain.GetData("reset-probe")!;
        _cells.Session.Reset();
        Value("Console.Out.Flush();");
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
        }
        Assert.That(probe.IsAlive, Is.False);
    }

    /// <summary>Reads a variable as inspection does, through the session's index of the chain; in its own frame, so the value is not held here.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Inspect(string name) => _cells.Session.TryReadVariable(name, out _);
}
