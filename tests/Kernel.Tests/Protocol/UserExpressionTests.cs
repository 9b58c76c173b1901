using System.Text.Json;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

public sealed class UserExpressionTests : KernelFixture
{
    [Test]
    public void User_expressions_are_evaluated_after_the_cell_as_mime_bundles()
    {
        var result = Client.Execute("var ue = 20;", userExpressions: new JsonObject { ["double"] = "ue * 2", ["text"] = "\"hi\"" });
        var expressions = result.Reply.Content.GetProperty("user_expressions");
        Assert.That(expressions.GetProperty("double").GetProperty("status").GetString(), Is.EqualTo("ok"));
        Assert.That(expressions.GetProperty("double").GetProperty("data").GetProperty("text/plain").GetString(), Is.EqualTo("40"));
        Assert.That(expressions.GetProperty("double").GetProperty("metadata").ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(expressions.GetProperty("text").GetProperty("data").GetProperty("text/plain").GetString(), Is.EqualTo("\"hi\""));
    }

    [Test]
    public void A_failing_user_expression_reports_its_own_error_and_the_cell_stays_ok()
    {
        var result = Client.Execute("1", userExpressions: new JsonObject { ["bad"] = "nosuchname", ["throws"] = "int.Parse(\"x\")" });
        Assert.That(result.Status, Is.EqualTo("ok"));
        var bad = result.Reply.Content.GetProperty("user_expressions").GetProperty("bad");
        Assert.That(bad.GetProperty("status").GetString(), Is.EqualTo("error"));
        Assert.That(bad.GetProperty("ename").GetString(), Is.EqualTo("CompilationError"));
        Assert.That(bad.GetProperty("traceback").GetArrayLength(), Is.GreaterThan(0));
        var throws = result.Reply.Content.GetProperty("user_expressions").GetProperty("throws");
        Assert.That(throws.GetProperty("ename").GetString(), Is.EqualTo("FormatException"));
        Assert.That(throws.GetProperty("evalue").GetString(), Is.Not.Empty);
    }

    [Test]
    public void User_expressions_change_neither_history_nor_the_count()
    {
        var cell = Client.Execute("\"cell value\"", userExpressions: new JsonObject { ["peek"] = "_.ToUpper()", ["other"] = "12345" });
        var peek = cell.Reply.Content.GetProperty("user_expressions").GetProperty("peek");
        Assert.That(peek.GetProperty("data").GetProperty("text/plain").GetString(), Is.EqualTo("\"CELL VALUE\""), "evaluated after the cell");
        var next = Client.Execute("_");
        Assert.That(next.Result, Is.EqualTo("\"cell value\""));
        Assert.That(next.Reply.Content.GetProperty("execution_count").GetInt32(),
            Is.EqualTo(cell.Reply.Content.GetProperty("execution_count").GetInt32() + 1));
        Assert.That(Client.Execute("Out.Values.Contains(12345)").Result, Is.EqualTo("false"));
    }

    [Test]
    public void No_user_expressions_give_an_empty_object()
    {
        var result = Client.Execute("2");
        Assert.That(result.Reply.Content.GetProperty("user_expressions").EnumerateObject(), Is.Empty);
    }
}
