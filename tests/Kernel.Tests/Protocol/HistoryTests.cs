using System.Text.Json;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

/// <summary>_, __, ___, Out, In and execution_count over the real kernel process.</summary>
public sealed class HistoryTests : KernelFixture
{
    private static int Count(ExecutionResult result) => result.Reply.Content.GetProperty("execution_count").GetInt32();

    private string? Result(string code)
    {
        var result = Client.Execute(code);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        return result.Result;
    }

    [Test]
    public void Underscores_are_the_last_three_values()
    {
        Result("\"third\"");
        Result("2");
        Result("1");
        Assert.That(Result("$\"{_} {__} {___}\""), Is.EqualTo("\"1 2 third\""));
    }

    [Test]
    public void Underscore_keeps_its_static_type_so_members_and_operators_need_no_cast()
    {
        Result("\"notebook\"");
        Assert.That(Result("_.Length"), Is.EqualTo("8"));
        Assert.That(Result("_ + 1"), Is.EqualTo("9"));
        Result("new List<int> { 3, 4 }");
        Assert.That(Result("_.Sum()"), Is.EqualTo("7"));
    }

    [TestCase("var notAValue = 1;")]
    [TestCase("class NotAValue { }")]
    [TestCase("Console.WriteLine(\"void call\")")]
    [TestCase("(object?)null")]
    [TestCase("Math.Max(1, 2);")]
    public void Cells_without_a_value_leave_history_alone(string code)
    {
        Result("\"marker\"");
        var result = Client.Execute(code);
        Assert.That(result.Status, Is.EqualTo("ok"));
        Assert.That(result.Result, Is.Null, "no execute_result");
        Assert.That(Result("_"), Is.EqualTo("\"marker\""));
        Assert.That(Result("Out.ContainsKey(" + Count(result) + ")"), Is.EqualTo("false"));
    }

    [Test]
    public void Out_holds_each_cells_value_and_In_its_text()
    {
        var valued = Client.Execute("21 * 2");
        var statement = Client.Execute("var inputText = 1;");
        Assert.That(Result($"Out[{Count(valued)}]"), Is.EqualTo("42"));
        Assert.That(Result($"In[{Count(statement)}]"), Is.EqualTo("\"var inputText = 1;\""));
        Assert.That(Result($"In[{Count(valued)}]"), Is.EqualTo("\"21 * 2\""));
    }

    [Test]
    public void The_execution_count_grows_for_every_stored_request_failures_included()
    {
        var first = Count(Client.Execute("1"));
        var failing = Client.Execute("throw new Exception();");
        var broken = Client.Execute("this does not compile");
        var empty = Client.Execute("// only a comment");
        Assert.That(new[] { Count(failing), Count(broken), Count(empty) }, Is.EqualTo(new[] { first + 1, first + 2, first + 3 }));
        Assert.That(Result($"In[{first + 2}]"), Is.EqualTo("\"this does not compile\""));
    }

    [Test]
    public void Silent_and_unstored_requests_move_neither_the_count_nor_history()
    {
        var before = Count(Client.Execute("\"before\""));
        var unstored = Client.Execute("\"unstored\"", storeHistory: false);
        Assert.That(unstored.Result, Is.EqualTo("\"unstored\""), "its value is still shown");
        Assert.That(Count(unstored), Is.EqualTo(before));
        var silent = Client.Execute("\"silent\"", silent: true);
        Assert.That(silent.Result, Is.Null);
        Assert.That(Count(silent), Is.EqualTo(before));
        var after = Client.Execute("_");
        Assert.That(after.Result, Is.EqualTo("\"before\""));
        Assert.That(Count(after), Is.EqualTo(before + 1));
        Assert.That(Result("In.Values.Contains(\"\\\"unstored\\\"\") || In.Values.Contains(\"\\\"silent\\\"\")"), Is.EqualTo("false"));
    }

    [Test]
    public void Out_keeps_only_as_many_values_as_configured()
    {
        using var kernel = KernelProcess.Start("limit", new Dictionary<string, string> { ["CSHARP_KERNEL_OUT_LIMIT"] = "2" });
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        foreach (var value in new[] { "10", "20", "30" })
            client.Execute(value);
        Assert.That(client.Execute("_ + __ + ___").Result, Is.EqualTo("60"), "the last three stay reachable through _");
        Assert.That(client.Execute("string.Join(\",\", Out.Keys)").Result, Is.EqualTo("\"3,4\""));
        Assert.That(client.Execute("Out[1]").Reply.Str("ename"), Is.EqualTo("KeyNotFoundException"));
    }
}
