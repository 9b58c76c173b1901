using System.Runtime.CompilerServices;
using CSharpKernel.Execution;

namespace CSharpKernel.Tests.Execution;

/// <summary>Discards, engine internals and errors, driven through the script session without sockets.</summary>
public sealed class SessionSemanticsTests
{
    private SessionCells _cells = null!;

    [SetUp]
    public void StartSession() => _cells = new SessionCells(new EngineSettings { OutLimit = 3 });

    private CellOutcome Run(string code, bool storeHistory = true) => _cells.Run(code, storeHistory);

    private object? Value(string code) => _cells.Value(code);

    [TestCase("_ = Task.Run(() => 1);")]
    [TestCase("int.TryParse(\"12\", out _);")]
    [TestCase("int.TryParse(\"12\", out var _);")]
    [TestCase("var (_, y) = (1, 2);")]
    [TestCase("(_, _) = (1, 2);")]
    [TestCase("Func<int, int, int> f = (_, _) => 0;")]
    [TestCase("var matched = 5 is var _;")]
    [TestCase("var word = 5 switch { 1 => \"one\", _ => \"many\" };")]
    [TestCase("_ = \"discarded\";")]
    public void Discards_stay_discards_when_history_has_values_and_write_nothing(string code)
    {
        Value("\"history\"");
        Assert.That(Run(code).Error, Is.Null);
        Assert.That(Value("_"), Is.EqualTo("history"));
        Assert.That(_cells.Session.History.Out, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_discard_and_a_history_read_can_share_a_line()
    {
        Value("20");
        Assert.That(Run("_ = _ + 1;").Error, Is.Null);
        Assert.That(Value("int.TryParse(\"5\", out _) ? _ * 2 : 0"), Is.EqualTo(40));
    }

    [Test]
    public void A_lambda_parameter_named_underscore_is_the_parameter_not_history()
    {
        Value("100");
        Assert.That(Value("new[] { 1, 2 }.Select(_ => _ * 2).Sum()"), Is.EqualTo(6));
    }

    [TestCase("var Out = 1;", "Out")]
    [TestCase("int In = 2;", "In")]
    [TestCase("string display = \"x\";", "display")]
    [TestCase("var Kernel = 3;", "Kernel")]
    [TestCase("var _ = 5;", "_")]
    [TestCase("int __ = 5;", "__")]
    [TestCase("object ___ = null;", "___")]
    [TestCase("void display(object o) { }", "display")]
    [TestCase("class Kernel { }", "Kernel")]
    [TestCase("int Out => 1;", "Out")]
    [TestCase("int.TryParse(\"1\", out var In);", "In")]
    [TestCase("var (a, Out) = (1, 2);", "Out")]
    [TestCase("using Kernel = System.Int32;", "Kernel")]
    [TestCase("var __kernel_out_9 = 1;", "__kernel_out_9")]
    public void Declaring_an_engine_internal_is_refused_before_running_and_names_it(string code, string name)
    {
        var outcome = Run($"{code}\nvar ranToo = 1;");
        Assert.That(outcome.Error?.Ename, Is.EqualTo(Tracebacks.ReservedNameError));
        Assert.That(outcome.Error!.Evalue, Does.Contain($"'{name}'"));
        Assert.That(outcome.Error.Traceback[0], Does.StartWith($"Cell In[{_cells.Count}], line 1"));
        Assert.That(Run("ranToo").Error?.Evalue, Does.Contain("CS0103"), "the refused cell did not run");
    }

    [TestCase("int F() { var Out = 1; return Out; }")]
    [TestCase("{ var In = 2; }")]
    [TestCase("class C { public int Out; public void display() { } }")]
    [TestCase("Func<int, int> f = _ => 1;")]
    [TestCase("for (var _ = 0; _ < 1; ) break;")]
    public void Locals_parameters_and_members_with_reserved_names_are_allowed(string code) =>
        Assert.That(Run(code).Error, Is.Null);

    [Test]
    public void Engine_internals_still_work_after_a_refused_declaration()
    {
        Value("1");
        Run("var Out = 5;");
        Assert.That(Value("Out[1]"), Is.EqualTo(1));
        Assert.That(Value("Kernel.CancellationToken.IsCancellationRequested"), Is.False);
    }

    [Test]
    public void A_cell_that_fails_to_compile_leaves_the_chain_as_it_was()
    {
        Run("var z = 1;");
        var outcome = Run("z = 2;\nvar w = \"a\" * 2;\nundefined();");
        Assert.That(outcome.Error?.Ename, Is.EqualTo(Tracebacks.CompilationErrorName));
        Assert.That(outcome.Error!.Traceback, Has.Count.EqualTo(2));
        Assert.That(outcome.Error.Traceback[0], Does.Contain("line 2, col 9").And.Contain("CS0019"));
        Assert.That(outcome.Error.Traceback[1], Does.Contain("line 3, col 1").And.Contain("CS0103"));
        Assert.That(Value("z"), Is.EqualTo(1));
    }

    [Test]
    public void Compile_errors_after_a_history_name_report_the_users_columns()
    {
        Value("\"text\"");
        var outcome = Run("var n = _.Length; var bad = nope;");
        Assert.That(outcome.Error!.Traceback.Single(), Does.Contain("line 1, col 29").And.Contain("CS0103"));
    }

    [Test]
    public void A_cell_that_throws_keeps_what_it_assigned_before_the_throw()
    {
        var outcome = Run("var z = 5;\nthrow new InvalidOperationException(\"boom\");");
        Assert.That(outcome.Error?.Ename, Is.EqualTo("InvalidOperationException"));
        Assert.That(Value("z"), Is.EqualTo(5));
    }

    [Test]
    public void Values_that_fall_out_of_Out_are_released_for_collection()
    {
        var weak = RecordObject();
        for (var i = 0; i < 4; i++)
            Value($"{i}");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.That(weak.IsAlive, Is.False, "neither Out nor a hidden variable holds the old value");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WeakReference RecordObject()
    {
        var value = Value("new byte[1024]");
        return new WeakReference(value);
    }

    [Test]
    public void Percent_reset_starts_a_fresh_chain_and_runs_the_rest_of_the_cell_in_it()
    {
        var session = TestSessions.Create(new EngineSettings(), [new CSharpKernel.Magics.ResetMagic()]);
        session.Run("var old = 1;", 1, CancellationToken.None);
        var outcome = session.Run("%reset\nvar fresh = 2;\nfresh", 2, CancellationToken.None);
        Assert.That(outcome.Value, Is.EqualTo(2));
        Assert.That(session.Run("old", 3, CancellationToken.None).Error?.Evalue, Does.Contain("CS0103"));
    }

    [Test]
    public void An_unknown_percent_command_is_a_clear_error()
    {
        var outcome = Run("%nosuch arg");
        Assert.That(outcome.Error?.Ename, Is.EqualTo(Tracebacks.UnknownMagicName));
        Assert.That(outcome.Error!.Evalue, Does.Contain("%nosuch"));
    }
}
