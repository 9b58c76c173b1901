using CSharpKernel.Execution;

namespace CSharpKernel.Tests.Execution;

/// <summary>
/// Top-level variables of cells that declare nothing else live in the kernel's store, off the
/// chain, and behave as the fields they used to be.
/// </summary>
public sealed class StoredVariableTests
{
    private SessionCells _cells = null!;

    [SetUp]
    public void StartSession() => _cells = new SessionCells(new EngineSettings());

    private object? Value(string code) => _cells.Value(code);

    [Test]
    public void Cells_that_only_declare_variables_do_not_grow_the_chain()
    {
        Value("var x = 3;");
        for (var i = 0; i < 100; i++)
            Value($"var a{i} = x * {i};\nvar s{i} = $\"row {{x}}\";");
        Assert.That(Value("a99 + s7.Length"), Is.EqualTo(302));
        Assert.That(_cells.Session.SubmittedCells, Has.Count.EqualTo(101), "the language services see each declaration");
        Assert.That(_cells.Session.SubmittedCells[^1], Does.EndWith("var a99 = x * 99;\nvar s99 = $\"row {x}\";"));
        Assert.That(Value("Console.Out.Flush();\nvar t = 1;\nt"), Is.EqualTo(1));
    }

    [Test]
    public void A_variables_cell_loads_only_the_assembly_that_runs()
    {
        Value("var x = 1;");
        var before = AppDomain.CurrentDomain.GetAssemblies().Length;
        for (var i = 0; i < 20; i++)
            Value($"var v{i} = x + {i};");
        // Binding the text as written to learn the types must not build it: each build loads an assembly for good.
        Assert.That(AppDomain.CurrentDomain.GetAssemblies().Length - before, Is.InRange(20, 24));
    }

    [Test]
    public void A_closure_over_a_stored_variable_sees_a_later_assignment()
    {
        Value("var count = 1;");
        Value("Func<int> read = () => count * 10;");
        Value("count = 5;");
        Assert.That(Value("read()"), Is.EqualTo(50));
    }

    [Test]
    public void Increment_ref_and_out_work_on_a_stored_variable()
    {
        Value("var n = 1;");
        Value("n++;");
        Value("void Twice(ref int v) => v *= 2;");
        Value("Twice(ref n);");
        Assert.That(Value("n"), Is.EqualTo(4));
        Value("int.TryParse(\"41\", out n);\nn++;");
        Assert.That(Value("n"), Is.EqualTo(42));
    }

    [Test]
    public void Redeclaring_with_another_type_makes_a_new_variable_and_old_closures_keep_the_old_one()
    {
        Value("var x = 1;");
        Value("Func<int> old = () => x;");
        Value("var x = \"s\";");
        Assert.That(Value("x + x.Length"), Is.EqualTo("s1"));
        Assert.That(Value("old()"), Is.EqualTo(1));
        Assert.That(_cells.Session.UserVariables().Single(v => v.Name == "x").Type, Is.EqualTo(typeof(string)));
    }

    [Test]
    public void A_cell_that_throws_after_assigning_keeps_the_first_variable_and_the_rest_default()
    {
        var outcome = _cells.Run("var first = 7;\nthrow new InvalidOperationException(\"boom\");\nvar second = 8;");
        Assert.That(outcome.Error?.Ename, Is.EqualTo(nameof(InvalidOperationException)));
        Assert.That(outcome.Error!.Traceback, Has.Some.StartsWith($"   at Cell In[{_cells.Count}], line 2"));
        Assert.That(Value("first * 10 + second"), Is.EqualTo(70));
    }

    [Test]
    public void A_chain_member_declared_later_hides_a_stored_variable_and_a_stored_one_declared_later_hides_it_again()
    {
        Value("var v = 1;");
        Value("int v() => 2;");
        Assert.That(Value("v()"), Is.EqualTo(2));
        Value("var v = 3;");
        Assert.That(Value("v"), Is.EqualTo(3));
        Assert.That(_cells.Session.UserVariables().Single(u => u.Name == "v").Value, Is.EqualTo(3));
    }

    [Test]
    public void Stored_variables_are_listed_read_and_reset()
    {
        Value("var listed = 4;\nstring? unset;");
        Assert.That(_cells.Session.UserVariables().Select(v => (v.Name, v.Value)), Is.EquivalentTo(new (string, object?)[] { ("listed", 4), ("unset", null) }));
        Assert.That(_cells.Session.TryReadVariable("listed", out var value) && value is 4, Is.True);
        _cells.Session.Reset();
        Assert.That(_cells.Session.UserVariables(), Is.Empty);
        Assert.That(_cells.Run("listed").Error?.Evalue, Does.Contain("CS0103"));
    }

    [Test]
    public void A_closure_from_before_a_reset_that_reads_a_cleared_variable_says_so()
    {
        Value("var kept = 4;");
        Value("Func<int>? before = null;");
        Value("before = () => kept;");
        var survivor = _cells.Session.TryReadVariable("before", out var value) ? (Func<int>)value! : null;
        Assert.That(survivor!(), Is.EqualTo(4));
        _cells.Session.Reset();
        Assert.That(() => survivor(), Throws.InvalidOperationException.With.Message.Contains("cleared by %reset"));
    }

    [Test]
    public void Errors_in_a_cell_that_uses_stored_variables_point_at_the_users_text()
    {
        Value("var x = 1;");
        var outcome = _cells.Run("var y = x + 1;\nvar z = x + nope;");
        Assert.That(outcome.Error?.Ename, Is.EqualTo(Tracebacks.CompilationErrorName));
        Assert.That(outcome.Error!.Traceback, Has.Count.EqualTo(1));
        Assert.That(outcome.Error.Traceback[0], Does.Contain("line 2, col 13").And.Contain("CS0103"));
        Assert.That(_cells.Run("y").Error?.Evalue, Does.Contain("CS0103"), "a cell that did not compile declares nothing");
    }

    [TestCase("sandbox")]
    [TestCase("restricted")]
    public void Variable_cells_run_below_unrestricted_and_a_forged_slot_type_throws(string levelName)
    {
        var cells = new SessionCells(TestSessions.AtLevel(levelName));
        cells.Value("var text = \"abc\";");
        cells.Value("var size = text.Length;");
        Assert.That(cells.Value("size + 1"), Is.EqualTo(4));
        var forged = cells.Run($"{ReservedNames.Store}.Slot<long>(1).Value");
        Assert.That(forged.Error?.Ename, Is.EqualTo(nameof(InvalidCastException)));
        Assert.That(cells.Run($"{ReservedNames.Store}.Slot<long>(999).Value").Error?.Ename, Is.EqualTo(nameof(KeyNotFoundException)));
    }
}
