using System.Text.Json;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Language;

/// <summary>
/// A session long enough that the completion workspace has folded its first cells into one
/// submission of their declarations, twice: what those cells declared completes as it did when
/// each cell was a submission of its own, the latest declaration of a name winning.
/// </summary>
public sealed class LongSessionCompletionTests : KernelFixture
{
    [OneTimeSetUp]
    public void RunALongSession()
    {
        var cells = new List<string>
        {
            "using System.Text;",
            "var early = new StringBuilder();",
            "/// <summary>Doubles a number.</summary>\nint Twice(int n) => 2 * n;",
            "record Planet(string Name, double Mass);",
            "var shape = 1;",
            "int.TryParse(\"7\", out var parsed);",
        };
        // Each variable's type is inferred from the one before: folded, they are inferred in one compilation.
        cells.AddRange(Enumerable.Range(0, 20).Select(Chained));
        cells.Add("var shape = \"round\";");
        cells.AddRange(Enumerable.Range(20, 20).Select(Chained));
        foreach (var cell in cells)
        {
            Assert.That(Client.Execute(cell).Status, Is.EqualTo("ok"), cell);
            // Completions between cells, as a front end asks them, so the workspace follows the session cell by cell.
            Complete("t");
        }
    }

    [Test]
    public void Variables_and_usings_of_the_first_cells_complete()
    {
        Assert.That(Matches(Complete("earl")), Does.Contain("early"));
        Assert.That(Matches(Complete("early.Appe")), Does.Contain("Append"), "its type is known");
        Assert.That(Matches(Complete("new StringBui")), Does.Contain("StringBuilder"), "the first cell's using still imports");
        Assert.That(Matches(Complete("parsed.CompareT")), Does.Contain("CompareTo"), "an out variable of a statement is a variable too");
    }

    [Test]
    public void Methods_and_types_of_the_first_cells_complete_with_their_signatures_and_documentation()
    {
        var twice = Types(Complete("Twi")).Single(t => t.GetProperty("text").GetString() == "Twice");
        Assert.That(twice.GetProperty("signature").GetString(), Does.Contain("int Twice(int n)"));
        var inspected = Client.Request("inspect_request", new JsonObject { ["code"] = "Twice", ["cursor_pos"] = 5, ["detail_level"] = 0 }).Content;
        Assert.That(inspected.GetProperty("data").GetProperty("text/plain").GetString(), Does.Contain("Doubles a number."));
        Assert.That(Matches(Complete("new Planet(\"Earth\", 1).")), Does.Contain("Mass").And.Contain("Name"));
    }

    [Test]
    public void The_latest_declaration_of_a_name_wins()
    {
        Assert.That(Matches(Complete("shape.Substr")), Does.Contain("Substring"), "shape is a string since its second declaration");
    }

    [Test]
    public void A_long_run_of_inferred_variables_keeps_its_types()
    {
        Assert.That(Matches(Complete("t")), Does.Contain("t0").And.Contain("t39"));
        Assert.That(Matches(Complete("t39.CompareT")), Does.Contain("CompareTo"));
    }

    private static string Chained(int i) => i == 0 ? "var t0 = 0;" : $"var t{i} = t{i - 1} + 1;";

    private JsonElement Complete(string code) =>
        Client.Request("complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = code.EnumerateRunes().Count() }).Content;

    private static List<string> Matches(JsonElement reply) =>
        [.. reply.GetProperty("matches").EnumerateArray().Select(m => m.GetString()!)];

    private static List<JsonElement> Types(JsonElement reply) =>
        [.. reply.GetProperty("metadata").GetProperty("_jupyter_types_experimental").EnumerateArray()];
}
