using CSharpKernel.Execution;

namespace CSharpKernel.Tests.Execution;

/// <summary>The history rules, driven through the script session itself, without sockets.</summary>
public sealed class SessionHistoryTests
{
    private SessionCells _cells = null!;

    [SetUp]
    public void StartSession() => _cells = new SessionCells(new EngineSettings { OutLimit = 4 });

    private CellOutcome Run(string code, bool storeHistory = true) => _cells.Run(code, storeHistory);

    private object? Value(string code) => _cells.Value(code);

    [Test]
    public void Underscores_are_the_last_three_values_with_their_types()
    {
        Value("\"abc\"");
        Value("10");
        Value("2.5");
        Assert.That(Value("_ * 2"), Is.EqualTo(5.0));
        Assert.That(Value("___ + 1"), Is.EqualTo(11), "___ is 10 now: 2.5, 5.0 came after it");
        Assert.That(Value("__"), Is.EqualTo(5.0));
    }

    [Test]
    public void Underscore_is_typed_so_members_work_without_casts()
    {
        Value("\"hello\"");
        Assert.That(Value("_.Length"), Is.EqualTo(5));
        Assert.That(Value("_ + 1"), Is.EqualTo(6));
        Assert.That(Value("new { Name = \"Ada\", Year = 1815 }"), Is.Not.Null);
        Assert.That(Value("_.Year - 1800"), Is.EqualTo(15), "an anonymous type keeps its members");
    }

    [Test]
    public void Statements_declarations_void_calls_and_null_leave_history_alone()
    {
        Value("41");
        Run("var a = 1;");
        Run("class Unrelated { }");
        Run("Console.WriteLine(\"void\")");
        Run("(string?)null");
        Run("Math.Max(1, 2);");
        Assert.That(Value("_ + 1"), Is.EqualTo(42));
        Assert.That(_cells.Session.History.Out.Keys, Is.EqualTo(new[] { 1, 7 }));
    }

    [Test]
    public void Out_and_In_hold_values_and_texts_by_execution_count()
    {
        Value("\"first\"");
        Run("var x = 2;");
        Value("x * 3");
        Assert.That(Value("Out[1]"), Is.EqualTo("first"));
        Assert.That(Value("Out[3]"), Is.EqualTo(6));
        Assert.That(Value("In[2]"), Is.EqualTo("var x = 2;"));
        Assert.That(Value("Out.ContainsKey(2)"), Is.False);
    }

    [Test]
    public void Out_keeps_only_the_configured_number_of_values()
    {
        for (var i = 1; i <= 6; i++)
            Value($"{i * 10}");
        Assert.That(_cells.Session.History.Out.Keys, Is.EqualTo(new[] { 3, 4, 5, 6 }));
        Assert.That(Value("_ + __ + ___"), Is.EqualTo(60 + 50 + 40));
    }

    [Test]
    public void A_request_without_store_history_neither_records_nor_moves_history()
    {
        Value("7");
        var outcome = Run("100", storeHistory: false);
        Assert.That(outcome.Value, Is.EqualTo(100), "the value is still the result");
        Assert.That(Value("_"), Is.EqualTo(7));
        Assert.That(_cells.Session.History.In.Values, Has.None.EqualTo("100"));
    }

    [Test]
    public void A_failing_cell_writes_no_value()
    {
        Value("1");
        Run("int.Parse(\"nope\")");
        Assert.That(Value("_"), Is.EqualTo(1));
    }

    [Test]
    public void Evaluating_an_expression_leaves_history_and_state_alone()
    {
        Value("5");
        var evaluated = _cells.Session.Evaluate("_ * 100", CancellationToken.None);
        Assert.That(evaluated.Value, Is.EqualTo(500));
        _cells.Session.Evaluate("var leaked = 1;", CancellationToken.None);
        Assert.That(Value("_"), Is.EqualTo(5));
        Assert.That(Run("leaked").Error?.Evalue, Does.Contain("CS0103"));
        Assert.That(_cells.Session.History.Out.Count, Is.EqualTo(2));
    }

    [Test]
    public void Submitted_cells_are_the_texts_in_the_chain_in_order()
    {
        Run("int One() => 1;");
        Run("var b = ;");
        Run("int Two() => One() + 1;");
        Assert.That(_cells.Session.SubmittedCells, Has.Count.EqualTo(2));
        Assert.That(_cells.Session.SubmittedCells[0], Is.EqualTo("int One() => 1;"));
        Assert.That(_cells.Session.SubmittedCells[1], Does.Contain("One() + 1"));
    }

    [Test]
    public void Reset_forgets_variables_and_values_but_keeps_inputs()
    {
        Value("3");
        Run("var kept = 1;");
        _cells.Session.Reset();
        Assert.That(_cells.Session.History.Out, Is.Empty);
        Assert.That(_cells.Session.SubmittedCells, Is.Empty);
        Assert.That(Run("kept").Error?.Evalue, Does.Contain("CS0103"));
        Assert.That(Value("In[1]"), Is.EqualTo("3"));
    }
}
