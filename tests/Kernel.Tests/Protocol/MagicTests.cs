using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

public sealed class MagicTests : KernelFixture
{
    [Test]
    public void Line_time_prints_wall_and_cpu_time_and_keeps_the_value()
    {
        var result = Client.Execute("%time Enumerable.Range(1, 1000).Sum()");
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(result.Stdout, Does.Match(@"CPU times: user [\d.]+ m?s, sys: [\d.]+ m?s, total: [\d.]+ m?s\nWall time: [\d.]+ m?s\n"));
        Assert.That(result.Result, Is.EqualTo("500500"));
    }

    [TestCase("%%time")]
    [TestCase("#!time")]
    public void Cell_time_times_the_whole_cell(string command)
    {
        var result = Client.Execute($"{command}\nvar timedTotal = 0;\nfor (var i = 0; i < 10; i++) timedTotal += i;\ntimedTotal");
        Assert.That(result.Stdout, Does.Contain("Wall time:"));
        Assert.That(result.Result, Is.EqualTo("45"));
    }

    [TestCase("%who")]
    [TestCase("#!who")]
    public void Who_lists_the_users_variables_and_not_the_kernels(string command)
    {
        Client.Execute("var whoAlpha = 1; var whoBeta = \"b\";");
        var names = Client.Execute(command).Stdout.Trim().Split('\t');
        Assert.That(names, Is.SupersetOf(new[] { "whoAlpha", "whoBeta" }));
        Assert.That(names, Has.None.StartsWith("__kernel"));
        Assert.That(names, Is.Ordered);
    }

    [TestCase("%whos")]
    [TestCase("#!whos")]
    public void Whos_shows_each_variable_with_its_type_and_value(string command)
    {
        Client.Execute("var whosList = new List<int> { 1, 2 }; var whosName = \"Ada\";");
        var table = Client.Execute(command).Stdout;
        Assert.That(table, Does.StartWith("Variable"));
        Assert.That(table, Does.Match(@"whosList\s+List<int>\s+List<int>\(2\) \{ 1, 2 \}"));
        Assert.That(table, Does.Match("whosName\\s+string\\s+\"Ada\""));
    }

    [TestCase("%lsmagic")]
    [TestCase("#!lsmagic")]
    public void Lsmagic_lists_every_command(string command)
    {
        var listing = Client.Execute(command).Stdout;
        foreach (var name in new[] { "%time", "%who", "%whos", "%reset", "%lsmagic", "%%time" })
            Assert.That(listing, Does.Contain(name + " "));
        Assert.That(listing, Does.Contain("#!who"));
    }

    [Test]
    public void An_unknown_magic_is_an_error_that_lists_the_known_ones()
    {
        var result = Client.Execute("%nosuchmagic 1");
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Str("evalue"), Does.Contain("nosuchmagic").And.Contain("%time").And.Contain("%whos"));
        Assert.That(result.Reply.Str("evalue"), Does.Not.Contain("%?"), "help is ?name, not a %-command");
    }

    [Test]
    public void A_first_line_hash_bang_csharp_is_ignored()
    {
        Assert.That(Client.Execute("#!csharp\n6 * 7").Result, Is.EqualTo("42"));
    }

    [TestCase("?helpTarget")]
    [TestCase("helpTarget?")]
    [TestCase("??helpTarget")]
    public void Question_marks_show_help_on_a_name(string code)
    {
        Client.Execute("var helpTarget = 12;");
        var result = Client.Execute(code);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(result.Stdout, Does.Contain("helpTarget").And.Contain("int").And.Contain("12"));
    }

    [Test]
    public void Help_on_a_name_that_does_not_exist_says_so()
    {
        var result = Client.Execute("?noSuchNameAnywhere");
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Str("evalue"), Does.Contain("noSuchNameAnywhere"));
    }

    [Test]
    public void A_nullable_conditional_is_code_not_help()
    {
        Assert.That(Client.Execute("string? maybe = null; maybe?.Length ?? -1").Result, Is.EqualTo("-1"));
    }

    [TestCase("#!html", "text/html")]
    [TestCase("%%html", "text/html")]
    [TestCase("#!markdown", "text/markdown")]
    [TestCase("#!javascript", "application/javascript")]
    public void A_mime_type_first_line_shows_the_rest_of_the_cell_as_that_type(string command, string mimeType)
    {
        var body = "<b>shown</b> # not C#: \"unterminated\nsecond line { ";
        var result = Client.Execute($"{command}\n{body}");
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        var data = Shown(result);
        Assert.That(data.GetProperty(mimeType).GetString(), Is.EqualTo(body));
        Assert.That(data.GetProperty("text/plain").GetString(), Is.EqualTo(body));
    }

    [Test]
    public void A_shown_cell_leaves_the_last_value_alone()
    {
        Client.Execute("6 * 7");
        Client.Execute("#!html\n<i>between</i>");
        Assert.That(Client.Execute("_").Result, Is.EqualTo("42"));
    }

    [Test]
    public void About_names_the_kernel_its_version_and_links()
    {
        var result = Client.Execute("#!about");
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        var data = Shown(result);
        Assert.That(data.GetProperty("text/plain").GetString(), Does.Contain("csharp-kernel 0.1.0").And.Contain("C# ").And.Contain("https://"));
        Assert.That(data.GetProperty("text/html").GetString(), Does.Contain("csharp-kernel 0.1.0").And.Contain("<a href=\"https://"));
    }

    [TestCase("#!fsharp\nlet fsharpValue = 1")]
    [TestCase("#!connect jupyter --kernel-name py --kernel-spec python3")]
    [TestCase("#!set --name setValue --value 1")]
    [TestCase("\n#!pwsh\nGet-Date")]
    public void Another_hash_bang_command_is_an_error_that_lists_what_the_kernel_has(string code)
    {
        var result = Client.Execute(code);
        Assert.That(result.Status, Is.EqualTo("error"), result.ToString());
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("UnknownMagic"));
        Assert.That(result.Reply.Str("evalue"), Does.Contain("C# only").And.Contain("#!html").And.Contain("#!about").And.Contain("%time"));
        Assert.That(result.Reply.Str("evalue"), Does.Not.Contain("%#!"));
    }

    [Test]
    public void The_rest_of_a_refused_hash_bang_cell_does_not_run_as_csharp()
    {
        Client.Execute("#!fsharp\nvar refusedCellRan = 1;\nConsole.WriteLine(\"ran\");");
        Assert.That(Client.Execute("refusedCellRan").Status, Is.EqualTo("error"));
    }

    [Test]
    public void Help_goes_to_the_front_ends_pager_as_a_page_payload()
    {
        Client.Execute("var pagedTarget = 5;");
        var result = Client.Execute("?pagedTarget");
        var payload = result.Reply.Content.GetProperty("payload");
        Assert.That(payload.GetArrayLength(), Is.EqualTo(1), result.ToString());
        Assert.That(payload[0].GetProperty("source").GetString(), Is.EqualTo("page"));
        Assert.That(payload[0].GetProperty("start").GetInt32(), Is.Zero);
        Assert.That(payload[0].GetProperty("data").GetProperty("text/plain").GetString(), Does.Contain("pagedTarget").And.Contain("int"));
        Assert.That(result.Stdout, Does.Contain("pagedTarget"), "clients that ignore payloads still see the help");
    }

    [Test]
    public void A_code_cell_has_no_payload()
    {
        Assert.That(Client.Execute("1 + 1").Reply.Content.GetProperty("payload").GetArrayLength(), Is.Zero);
    }

    private static System.Text.Json.JsonElement Shown(ExecutionResult result) =>
        (result.OfType("execute_result").Concat(result.OfType("display_data")).SingleOrDefault()
         ?? throw new AssertionException("nothing shown: " + result)).Content.GetProperty("data");
}
