using CSharpKernel.Execution;

namespace CSharpKernel.Tests.Execution;

/// <summary>
/// Cells that compile in one pass (no history name, no reserved declaration) behave as the
/// careful way made them behave: values captured, checkpoints in, errors placed on the user's text.
/// </summary>
public sealed class SinglePassTests
{
    private SessionCells _cells = null!;

    [SetUp]
    public void StartSession() => _cells = new SessionCells(new EngineSettings { OutLimit = 4 });

    private CellOutcome Run(string code, bool storeHistory = true) => _cells.Run(code, storeHistory);

    private object? Value(string code) => _cells.Value(code);

    [Test]
    public void A_loop_cell_that_ends_in_a_value_keeps_it_in_history()
    {
        Assert.That(Value("var total = 0;\nfor (var i = 0; i < 4; i++) total += i;\ntotal"), Is.EqualTo(6));
        Assert.That(Value("_ * 2"), Is.EqualTo(12));
        Assert.That(_cells.Session.SubmittedCells, Has.None.Contain("Checkpoint"), "the language services see the user's text");
    }

    [Test]
    public void Errors_in_a_loop_cell_with_a_value_are_placed_on_the_users_lines_and_columns()
    {
        var outcome = Run("for (var i = 0; i < 2; i++) { }\nvar s = \"a\" * 2;\n  s + nope");
        Assert.That(outcome.Error?.Ename, Is.EqualTo(Tracebacks.CompilationErrorName));
        Assert.That(outcome.Error!.Traceback, Has.Count.EqualTo(2));
        Assert.That(outcome.Error.Traceback[0], Does.Contain("line 2, col 9").And.Contain("CS0019"));
        Assert.That(outcome.Error.Traceback[1], Does.Contain("line 3, col 7").And.Contain("CS0103"));
    }

    [Test]
    public void A_call_with_a_value_is_captured_and_a_void_call_is_not()
    {
        Assert.That(Value("Math.Max(3, 7)"), Is.EqualTo(7));
        Assert.That(Value("Console.Write(\"\")"), Is.Null);
        Assert.That(Value("_"), Is.EqualTo(7));
        Assert.That(_cells.Session.History.Out.Keys, Is.EqualTo(new[] { 1, 3 }));
    }

    [Test]
    public void An_expression_lambda_in_a_value_cell_runs_with_its_checkpoint_and_its_value_is_kept()
    {
        Assert.That(Value("Func<int, int> twice = x => x * 2;\ntwice(21)"), Is.EqualTo(42));
        Assert.That(Value("_"), Is.EqualTo(42));
    }

    [Test]
    public void A_runtime_error_in_a_loop_cell_names_the_users_line()
    {
        var outcome = Run("var count = 0;\nfor (var i = 0; i <= 2; i++)\n    count = i < 2 ? i : throw new InvalidOperationException(\"boom\");");
        Assert.That(outcome.Error?.Ename, Is.EqualTo(nameof(InvalidOperationException)));
        Assert.That(outcome.Error!.Traceback, Has.Some.Contains($"Cell In[{_cells.Count}], line 3"));
    }

    [Test]
    public void Types_the_runtime_reaches_through_forwarding_assemblies_are_usable_without_r()
    {
        // System.Xml, System.Threading.Thread, System.Numerics.Vectors and System.Diagnostics.Tracing
        // only forward their types; the types are found where they are defined.
        var value = Value("""
            var document = new System.Xml.XmlDocument();
            document.LoadXml("<a b='1'/>");
            var vector = new System.Numerics.Vector2(3, 4);
            $"{document.DocumentElement!.GetAttribute("b")} {vector.Length()} {System.Threading.Thread.CurrentThread.IsAlive} {System.Diagnostics.Tracing.EventLevel.Warning}"
            """);
        Assert.That(value, Is.EqualTo("1 5 True Warning"));
    }
}
