using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

/// <summary>What each execution mode produces on the wire.</summary>
public sealed class ExecutionModeTests : KernelFixture
{
    private IEnumerable<string> Kinds(ExecutionResult result) => result.Iopub.Select(m => m.MsgType).Where(t => t != "status");

    [Test]
    public void An_expression_publishes_its_value()
    {
        var result = Client.Execute("var m = 6;\nm * 7");
        Assert.That(Kinds(result), Is.EqualTo(new[] { "execute_input", "execute_result" }));
        Assert.That(result.Result, Is.EqualTo("42"));
    }

    [Test]
    public void A_top_level_await_ending_in_a_value_publishes_it()
    {
        var result = Client.Execute("var t = await Task.FromResult(20);\nawait Task.FromResult(t + 1)");
        Assert.That(result.Result, Is.EqualTo("21"));
        Assert.That(Client.Execute("_ * 2").Result, Is.EqualTo("42"));
    }

    [Test]
    public void A_top_level_await_ending_in_a_statement_publishes_nothing()
    {
        var result = Client.Execute("await Task.Delay(1);\nvar awaited = 3;");
        Assert.That(result.Status, Is.EqualTo("ok"));
        Assert.That(Kinds(result), Is.EqualTo(new[] { "execute_input" }));
    }

    [TestCase("var statementsOnly = 1; statementsOnly++;")]
    [TestCase("record ModePoint(int X, int Y);\nint ModeTwice(int x) => 2 * x;")]
    [TestCase("using System.Text.Json;")]
    public void Statements_and_declarations_publish_no_result(string code)
    {
        var result = Client.Execute(code);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(Kinds(result), Is.EqualTo(new[] { "execute_input" }));
    }

    [Test]
    public void Declarations_are_usable_by_later_cells()
    {
        Client.Execute("record Pair(int A, int B);\nstatic int Sum(Pair p) => p.A + p.B;");
        Assert.That(Client.Execute("Sum(new Pair(2, 3))").Result, Is.EqualTo("5"));
    }

    [Test]
    public void An_empty_cell_answers_ok_with_nothing_else()
    {
        var result = Client.Execute("  // nothing here\n");
        Assert.That(result.Status, Is.EqualTo("ok"));
        Assert.That(Kinds(result), Is.EqualTo(new[] { "execute_input" }));
    }

    [Test]
    public void A_reference_directive_loads_an_assembly_for_later_cells()
    {
        var dll = typeof(NUnit.Framework.Assert).Assembly.Location;
        var result = Client.Execute($"#r \"{dll}\"");
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(Client.Execute("typeof(NUnit.Framework.Assert).Name").Result, Is.EqualTo("\"Assert\""));
    }

    [Test]
    public void An_invalid_cell_answers_with_the_compilers_diagnostics()
    {
        var result = Client.Execute("var x = ;");
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("CompilationError"));
        Assert.That(result.Reply.Str("evalue"), Does.StartWith("(1,9): CS1525"));
    }
}
