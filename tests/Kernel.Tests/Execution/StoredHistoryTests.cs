using System.Runtime.CompilerServices;
using CSharpKernel.Execution;

namespace CSharpKernel.Tests.Execution;

/// <summary>
/// A cell that only computes a value stays off the chain: the history keeps the value, and a later
/// <c>_</c> reads it with its static type, however long the session.
/// </summary>
public sealed class StoredHistoryTests
{
    private SessionCells _cells = null!;

    [SetUp]
    public void StartSession() => _cells = new SessionCells(new EngineSettings { OutLimit = 3 });

    private object? Value(string code) => _cells.Value(code);

    [Test]
    public void After_two_hundred_value_cells_the_last_value_keeps_its_static_type_and_the_chain_did_not_grow()
    {
        for (var i = 0; i < 200; i++)
            Value($"\"row \" + {i}");
        Assert.That(Value("_.Length + __.Length"), Is.EqualTo(14));
        Assert.That(Value("_ * 2"), Is.EqualTo(28));
        Assert.That(_cells.Session.SubmittedCells, Is.Empty);
    }

    [Test]
    public void A_value_of_a_type_declared_in_a_cell_keeps_that_type_after_the_name_is_declared_again()
    {
        Value("class Point { public int X = 7; }");
        Value("new Point()");
        Value("class Point { public string Y = \"y\"; }");
        Assert.That(Value("_.X"), Is.EqualTo(7));
    }

    [Test]
    public void A_value_of_an_anonymous_type_keeps_its_members()
    {
        Value("new { Name = \"a\", Size = 3 }");
        Assert.That(Value("_.Size + _.Name.Length"), Is.EqualTo(4));
    }

    [Test]
    public void A_closure_over_a_value_made_in_a_cell_that_joins_the_chain_reads_it_later()
    {
        Value("\"kept\"");
        Value("Func<int> size = () => _.Length;");
        Value("1");
        Assert.That(Value("size()"), Is.EqualTo(4));
    }

    [Test]
    public void Errors_in_a_cell_that_uses_a_stored_value_are_placed_on_the_users_text()
    {
        Value("using System.Text;\n\"abc\"");
        var outcome = _cells.Run("using System.Text;\nvar n = 1;\n  _.Nope + n");
        Assert.That(outcome.Error?.Ename, Is.EqualTo(Tracebacks.CompilationErrorName));
        Assert.That(outcome.Error!.Traceback, Has.Count.EqualTo(1));
        Assert.That(outcome.Error.Traceback[0], Does.Contain("line 3, col 5").And.Contain("CS1061"));
    }

    [Test]
    public void A_value_the_history_let_go_can_be_collected()
    {
        MakeProbedValue();
        for (var i = 0; i < 4; i++)
            Value($"{i}");
        var probe = (WeakReference)AppDomain.CurrentDomain.GetData("history-probe")!;
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
        }
        Assert.That(probe.IsAlive, Is.False);
    }

    /// <summary>In its own frame, so that the value it returns is not held by the test's.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MakeProbedValue() =>
        Value("((Func<object>)(() => { var o = new object(); AppDomain.CurrentDomain.SetData(\"history-probe\", new WeakReference(o)); return o; }))()");

    [TestCase("sandbox")]
    [TestCase("restricted")]
    public void History_names_work_below_unrestricted_and_a_forged_type_throws_rather_than_reinterprets(string levelName)
    {
        var cells = new SessionCells(TestSessions.AtLevel(levelName));
        cells.Value("\"abc\"");
        Assert.That(cells.Value("_.Length"), Is.EqualTo(3));
        var forged = cells.Run($"{ReservedNames.Store}.Out<long>(1)");
        Assert.That(forged.Error?.Ename, Is.EqualTo(nameof(InvalidCastException)));
    }
}
