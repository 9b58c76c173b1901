using System.Text.Json;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Language;

public sealed class InspectionTests : KernelFixture
{
    [Test]
    public void A_framework_method_shows_every_overload_and_its_documentation()
    {
        var reply = Inspect("Math.Max");
        Assert.That(reply.GetProperty("found").GetBoolean(), Is.True);
        var plain = Plain(reply);
        Assert.That(plain, Does.Contain("Math.Max(int val1, int val2)").And.Contain("Math.Max(double val1, double val2)"));
        Assert.That(plain, Does.Contain("Returns the larger of two"));
        Assert.That(plain, Does.Contain("val1:"), "parameters are documented");
        Assert.That(reply.GetProperty("data").GetProperty("text/markdown").GetString(), Does.StartWith("```csharp"));
    }

    [Test]
    public void Detail_level_one_adds_the_declaring_assembly()
    {
        Assert.That(Plain(Inspect("Console.WriteLine", detailLevel: 1)), Does.Contain("Assembly: System.Console"));
        Assert.That(Plain(Inspect("Console.WriteLine")), Does.Not.Contain("Assembly:"));
    }

    [Test]
    public void A_variable_from_an_earlier_cell_shows_its_type_and_current_value()
    {
        Client.Execute("var counter = 41;");
        Client.Execute("counter++;");
        var plain = Plain(Inspect("counter"));
        Assert.That(plain, Does.Contain("int counter"));
        Assert.That(plain, Does.Contain("Value: 42"));
    }

    [Test]
    public void A_method_a_cell_declared_shows_its_doc_comment_while_its_arguments_are_typed()
    {
        Client.Execute("/// <summary>Adds one to <paramref name=\"x\"/>.</summary>\nint Increment(int x) => x + 1;");
        var plain = Plain(Inspect("Increment(3, "));
        Assert.That(plain, Does.Contain("int Increment(int x)"));
        Assert.That(plain, Does.Contain("Adds one to x."));
    }

    [Test]
    public void Remarks_appear_only_at_detail_level_one()
    {
        Client.Execute("/// <summary>Shouts.</summary>\n/// <remarks>Only in capitals.</remarks>\nstring Shout(string s) => s.ToUpperInvariant();");
        Assert.That(Plain(Inspect("Shout")), Does.Contain("Shouts.").And.Not.Contain("Only in capitals."));
        Assert.That(Plain(Inspect("Shout", detailLevel: 1)), Does.Contain("Remarks:\nOnly in capitals."));
    }

    [Test]
    public void The_cursor_counts_code_points()
    {
        const string code = "var s = \"\U0001F600\U0001F600\U0001F600\"; Math.Max";
        var beforeX = code.EnumerateRunes().Count() - 1;
        Assert.That(Plain(Inspect(code, beforeX)), Does.Contain("Math.Max("), "a UTF-16 reading would land on Math, three units earlier");
    }

    [Test]
    public void Nothing_under_the_cursor_is_not_found()
    {
        var reply = Inspect("   ");
        Assert.That(reply.GetProperty("status").GetString(), Is.EqualTo("ok"));
        Assert.That(reply.GetProperty("found").GetBoolean(), Is.False);
        Assert.That(reply.GetProperty("data").EnumerateObject(), Is.Empty);
        Assert.That(Inspect("1 + 2", 2).GetProperty("found").GetBoolean(), Is.False);
    }

    private JsonElement Inspect(string code, int? cursor = null, int detailLevel = 0) =>
        Client.Request("inspect_request", new JsonObject
        {
            ["code"] = code,
            ["cursor_pos"] = cursor ?? code.EnumerateRunes().Count(),
            ["detail_level"] = detailLevel,
        }).Content;

    private static string Plain(JsonElement reply) => reply.GetProperty("data").GetProperty("text/plain").GetString()!;
}
