using System.Text.Json;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Language;

public sealed class CompletionTests : KernelFixture
{
    [OneTimeSetUp]
    public void DeclareNames()
    {
        foreach (var cell in new[]
                 {
                     "var fruitBasket = new List<string> { \"apple\" };",
                     "int Triple(int x) => 3 * x;",
                     "class Rocket { public int Stages = 2; public void Launch() { } public string Name { get; set; } = \"\"; }",
                 })
            Assert.That(Client.Execute(cell).Status, Is.EqualTo("ok"), cell);
    }

    [Test]
    public void A_variable_from_an_earlier_cell_completes()
    {
        var reply = Complete("fruitB");
        Assert.That(Matches(reply), Does.Contain("fruitBasket"));
        Assert.That(reply.GetProperty("cursor_start").GetInt32(), Is.EqualTo(0));
        Assert.That(reply.GetProperty("cursor_end").GetInt32(), Is.EqualTo(6));
        Assert.That(reply.GetProperty("status").GetString(), Is.EqualTo("ok"));
    }

    [Test]
    public void A_method_from_an_earlier_cell_completes_with_its_kind_and_signature()
    {
        var reply = Complete("Trip");
        var entry = Types(reply).Single(t => t.GetProperty("text").GetString() == "Triple");
        Assert.That(entry.GetProperty("type").GetString(), Is.EqualTo("method"));
        Assert.That(entry.GetProperty("signature").GetString(), Does.Contain("int Triple(int x)"));
        Assert.That(entry.GetProperty("start").GetInt32(), Is.EqualTo(0));
        Assert.That(entry.GetProperty("end").GetInt32(), Is.EqualTo(4));
    }

    [Test]
    public void A_class_from_an_earlier_cell_and_its_members_complete()
    {
        Assert.That(Matches(Complete("new Rock")), Does.Contain("Rocket"));
        var members = Matches(Complete("new Rocket()."));
        Assert.That(members, Does.Contain("Stages").And.Contain("Launch").And.Contain("Name"));
    }

    [Test]
    public void Members_of_a_default_import_complete_after_a_dot()
    {
        var reply = Complete("Console.Wri");
        Assert.That(Matches(reply), Does.Contain("WriteLine").And.Contain("Write"));
        Assert.That(Matches(reply), Has.None.Not.StartWith("Wri").IgnoreCase, "only names that match what was typed");
        Assert.That(reply.GetProperty("cursor_start").GetInt32(), Is.EqualTo(8));
        Assert.That(Matches(Complete("File.ReadAllT")), Does.Contain("ReadAllText"), "System.IO is imported by default");
    }

    [Test]
    public void Types_of_namespaces_not_imported_are_not_offered_as_plain_names()
    {
        Assert.That(Matches(Complete("NumberFormatI")), Does.Not.Contain("NumberFormatInfo"), "System.Globalization is not imported");
        Assert.That(Matches(Complete("System.Globalization.NumberFormatI")), Does.Contain("NumberFormatInfo"));
    }

    [Test]
    public void Namespaces_complete_after_using()
    {
        Assert.That(Matches(Complete("using Sys")), Does.Contain("System"));
        Assert.That(Matches(Complete("using System.Collections.Gen")), Does.Contain("Generic"));
    }

    [Test]
    public void The_kernel_globals_complete()
    {
        Assert.That(Matches(Complete("Kern")), Does.Contain("Kernel"));
        Assert.That(Matches(Complete("displ")), Does.Contain("display"));
    }

    [Test]
    public void Cursor_positions_count_code_points_not_utf16_units()
    {
        const string code = "var face = \"\U0001F600\"; fruitB";
        var codePoints = code.EnumerateRunes().Count();
        Assert.That(codePoints, Is.LessThan(code.Length), "the emoji is two UTF-16 units");

        var reply = Complete(code, codePoints);
        Assert.That(Matches(reply), Does.Contain("fruitBasket"));
        Assert.That(reply.GetProperty("cursor_start").GetInt32(), Is.EqualTo(codePoints - "fruitB".Length));
        Assert.That(reply.GetProperty("cursor_end").GetInt32(), Is.EqualTo(codePoints));
        Assert.That(Types(reply).First().GetProperty("start").GetInt32(), Is.EqualTo(codePoints - "fruitB".Length));
    }

    [Test]
    public void Only_the_text_before_the_cursor_narrows_the_matches()
    {
        var reply = Complete("Console.WriteLine(fru + 1)", "Console.WriteLine(fr".Length);
        Assert.That(Matches(reply), Does.Contain("fruitBasket"));
        Assert.That(reply.GetProperty("cursor_start").GetInt32(), Is.EqualTo("Console.WriteLine(".Length));
        Assert.That(reply.GetProperty("cursor_end").GetInt32(), Is.EqualTo("Console.WriteLine(fru".Length), "the whole word is replaced");
    }

    [Test]
    public void Magic_names_complete_after_a_percent_sign()
    {
        var line = Complete("%res");
        Assert.That(Matches(line), Is.EqualTo(new[] { "%reset" }));
        Assert.That(Types(line).Single().GetProperty("type").GetString(), Is.EqualTo("magic"));
        Assert.That(Matches(Complete("%%res")), Is.EqualTo(new[] { "%%reset" }));
        Assert.That(Matches(Complete("// a note first\n%re")), Does.Contain("%reset"));
        Assert.That(Matches(Complete("var x = 1;\n%re")), Does.Not.Contain("%reset"), "below code a %name is C#, as execution reads it");
        Assert.That(Matches(Complete("%nosuchmagic")), Is.Empty);
    }

    [Test]
    public void Code_after_a_magic_name_completes_as_csharp()
    {
        Assert.That(Matches(Complete("%time fruitB")), Does.Contain("fruitBasket"));
        Assert.That(Matches(Complete("%%time\nfruitBasket.Cou")), Does.Contain("Count"));
    }

    [Test]
    public void A_cell_that_failed_to_compile_declares_nothing()
    {
        Assert.That(Client.Execute("var neverDeclared = undefinedThing;").Status, Is.EqualTo("error"));
        Assert.That(Matches(Complete("neverDecl")), Does.Not.Contain("neverDeclared"));
    }

    [Test]
    public void A_cursor_past_the_end_is_answered_at_the_end()
    {
        var reply = Complete("fruitB", 99);
        Assert.That(Matches(reply), Does.Contain("fruitBasket"));
        Assert.That(reply.GetProperty("cursor_end").GetInt32(), Is.EqualTo(6));
    }

    private JsonElement Complete(string code, int? cursor = null) =>
        Client.Request("complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = cursor ?? code.EnumerateRunes().Count() }).Content;

    private static List<string> Matches(JsonElement reply) =>
        [.. reply.GetProperty("matches").EnumerateArray().Select(m => m.GetString()!)];

    private static List<JsonElement> Types(JsonElement reply) =>
        [.. reply.GetProperty("metadata").GetProperty("_jupyter_types_experimental").EnumerateArray()];
}
