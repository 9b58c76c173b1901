using System.Text.Json;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Language;

/// <summary>Completion agrees with execution on the <c>#!</c> commands: it offers them, and offers no C# where a cell is not C#.</summary>
public sealed class MagicCompletionTests : KernelFixture
{
    [Test]
    public void After_hash_bang_the_commands_are_offered()
    {
        var reply = Complete("#!");
        Assert.That(Matches(reply), Is.SupersetOf(new[] { "#!html", "#!markdown", "#!javascript", "#!about", "#!time", "#!csharp" }));
        Assert.That(reply.GetProperty("cursor_start").GetInt32(), Is.Zero);
        Assert.That(Matches(Complete("#!ma")), Is.EqualTo(new[] { "#!markdown" }));
    }

    [Test]
    public void After_a_percent_sign_only_the_percent_commands_are_offered()
    {
        var matches = Matches(Complete("%"));
        Assert.That(matches, Does.Contain("%html").And.Contain("%time"));
        Assert.That(matches, Has.None.StartWith("%#").And.None.StartWith("%?"));
    }

    [Test]
    public void The_body_of_an_html_cell_gets_no_csharp_completions()
    {
        const string code = "#!html\n<div>Cons";
        Assert.That(Matches(Complete(code)), Is.Empty);
        Assert.That(Matches(Complete("#!time\nCons")), Does.Contain("Console"), "a #!time body is C#");
    }

    private JsonElement Complete(string code) =>
        Client.Request("complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = code.Length }).Content;

    private static List<string> Matches(JsonElement reply) =>
        [.. reply.GetProperty("matches").EnumerateArray().Select(m => m.GetString()!)];
}
