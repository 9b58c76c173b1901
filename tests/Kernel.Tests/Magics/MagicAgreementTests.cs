using System.Text.Json;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Magics;

/// <summary>
/// is_complete, execution and completion read a cell's kernel lines alike, over the real kernel: a cell
/// that is_complete calls complete runs as what it is, one it calls invalid fails to compile, one it
/// calls incomplete waits for lines that execution would use, and completion offers a command name only
/// where execution would run one.
/// </summary>
public sealed class MagicAgreementTests : KernelFixture
{
    [TestCase("?Console")]
    [TestCase("??Console")]
    [TestCase("Console?")]
    public void Help_on_a_name_is_complete_and_runs_as_help(string code)
    {
        Assert.That(Status(code), Is.EqualTo("complete"));
        var result = Client.Execute(code);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(result.Stdout, Does.Contain("Console"));
        Assert.That(result.Reply.Content.GetProperty("payload")[0].GetProperty("source").GetString(), Is.EqualTo("page"));
    }

    [Test]
    public void Help_completes_the_name_asked_about_as_csharp() =>
        Assert.That(Matches(Complete("?Conso")), Does.Contain("Console"));

    [Test]
    public void A_percent_line_below_a_statement_is_invalid_fails_to_compile_and_completes_as_csharp()
    {
        Assert.That(Status("int belowX = 1;\n%time belowX"), Is.EqualTo("invalid"));
        var result = Client.Execute("int belowX = 1;\n%time belowX");
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Stdout, Does.Not.Contain("Wall time"), "no command ran");
        Assert.That(Matches(Complete("int belowX = 1;\n%ti")), Has.None.StartWith("%"));
    }

    [TestCase("%%time")]
    [TestCase("#!time")]
    public void Both_spellings_of_a_cell_magic_wait_for_a_body_and_time_it_once_it_comes(string command)
    {
        Assert.That(Status(command), Is.EqualTo("incomplete"));
        Assert.That(Status(command + "\nfor (var i = 0; i < 3; i++) {"), Is.EqualTo("incomplete"));
        var cell = command + "\nvar timedBody = 6;\ntimedBody * 7";
        Assert.That(Status(cell), Is.EqualTo("complete"));
        var result = Client.Execute(cell);
        Assert.That(result.Stdout, Does.Contain("Wall time"));
        Assert.That(result.Result, Is.EqualTo("42"));
        Assert.That(Matches(Complete(command[..^2])), Does.Contain(command));
    }

    [TestCase("#r \"nuget: Humanizer.Core, 2.14.1\"")]
    [TestCase("#r \"nuget: Humanizer.Core, 2.14.1\"\nvar words = 3;")]
    [TestCase("#:package Humanizer.Core@2.14.1\nvar words = 3;")]
    [TestCase("#i \"nuget: https://example.org/v3/index.json\"")]
    public void A_package_directive_alone_or_before_code_is_complete(string code) =>
        Assert.That(Status(code), Is.EqualTo("complete"));

    [Test]
    public void A_package_directive_before_unfinished_code_waits_for_the_code() =>
        Assert.That(Status("#r \"nuget: Humanizer.Core, 2.14.1\"\nif (true) {"), Is.EqualTo("incomplete"));

    [Test]
    public void A_source_directive_is_complete_and_the_code_after_it_runs()
    {
        var code = $"#i \"nuget: {Path.GetTempPath()}\"\n6 * 7";
        Assert.That(Status(code), Is.EqualTo("complete"));
        Assert.That(Client.Execute(code).Result, Is.EqualTo("42"));
    }

    [Test]
    public void An_html_cell_whose_body_is_not_csharp_is_complete_is_shown_and_gets_no_csharp_completion()
    {
        const string cell = "#!html\n<div class=\"x\">{ \"open";
        Assert.That(Status(cell), Is.EqualTo("complete"));
        Assert.That(ShownHtml(cell), Is.EqualTo("<div class=\"x\">{ \"open"));
        Assert.That(Matches(Complete("#!html\n<div>Cons")), Is.Empty);
    }

    [Test]
    public void An_html_line_magic_shows_its_line_and_the_lines_after_it_which_are_not_csharp()
    {
        const string cell = "%html <b>{</b>\n<i>\"</i>";
        Assert.That(Status(cell), Is.EqualTo("complete"));
        Assert.That(ShownHtml(cell), Is.EqualTo("<b>{</b>\n<i>\"</i>"));
    }

    [Test]
    public void Lsmagic_is_complete_runs_and_completes()
    {
        Assert.That(Status("%lsmagic"), Is.EqualTo("complete"));
        Assert.That(Client.Execute("%lsmagic").Stdout, Does.Contain("%time"));
        Assert.That(Matches(Complete("%lsm")), Is.EqualTo(new[] { "%lsmagic" }));
    }

    [Test]
    public void An_unknown_percent_command_is_complete_runs_as_an_error_and_is_never_offered()
    {
        Assert.That(Status("%foo"), Is.EqualTo("complete"));
        var result = Client.Execute("%foo");
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("UnknownMagic"));
        Assert.That(Matches(Complete("%fo")), Is.Empty);
    }

    [Test]
    public void A_command_may_start_the_lines_after_a_line_magic_and_is_offered_there()
    {
        const string cell = "%time 1\n%time 6 * 7";
        Assert.That(Status(cell), Is.EqualTo("complete"));
        var result = Client.Execute(cell);
        Assert.That(result.Result, Is.EqualTo("42"));
        Assert.That(result.Stdout.Split("Wall time").Length - 1, Is.EqualTo(2));
        Assert.That(Matches(Complete("%time 1\n%ti")), Does.Contain("%time"));
    }

    [TestCase("%who")]
    [TestCase("#!whos")]
    [TestCase("%lsmagic")]
    public void The_lines_after_a_line_magic_are_checked_and_run_after_it(string command)
    {
        var cell = command + "\nvar afterCommand = 6;\nafterCommand * 7";
        Assert.That(Status(command + "\nvar afterCommand = ;"), Is.EqualTo("invalid"));
        Assert.That(Status(cell), Is.EqualTo("complete"));
        var result = Client.Execute(cell);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(result.Stdout, Is.Not.Empty, "the command ran first");
        Assert.That(result.Result, Is.EqualTo("42"));
    }

    [Test]
    public void A_hash_bang_csharp_line_after_a_blank_line_says_the_cell_is_csharp()
    {
        const string cell = "\n#!csharp\n6 * 7";
        Assert.That(Status(cell), Is.EqualTo("complete"));
        Assert.That(Client.Execute(cell).Result, Is.EqualTo("42"));
    }

    private string? Status(string code) =>
        Client.Request("is_complete_request", new JsonObject { ["code"] = code }).Content.GetProperty("status").GetString();

    private string? ShownHtml(string cell)
    {
        var result = Client.Execute(cell);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        var shown = result.OfType("display_data").Concat(result.OfType("execute_result")).Single();
        return shown.Content.GetProperty("data").GetProperty("text/html").GetString();
    }

    private JsonElement Complete(string code) =>
        Client.Request("complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = code.Length }).Content;

    private static List<string> Matches(JsonElement reply) =>
        [.. reply.GetProperty("matches").EnumerateArray().Select(m => m.GetString()!)];
}
