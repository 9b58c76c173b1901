using CSharpKernel.Magics.Syntax;

namespace CSharpKernel.Tests.Magics;

/// <summary>The grammar of the kernel's lines, case by case; MagicAgreementTests checks that the kernel's services answer alike.</summary>
public sealed class MagicSyntaxTests
{
    [Test]
    public void Blanking_a_line_magics_name_keeps_every_offset_and_the_code_after_it()
    {
        const string code = "%time Math.Max(1, 2)\nvar x = 1;";
        var cell = MagicSyntax.Read(code);
        Assert.That(cell.CSharpWithArguments, Is.EqualTo("      Math.Max(1, 2)\nvar x = 1;"));
        Assert.That(cell.CSharp, Is.EqualTo("                    \nvar x = 1;"), "is_complete does not judge a command's arguments");
        Assert.That(cell.Invocation, Is.EqualTo(new MagicInvocation("time", "Math.Max(1, 2)", "\nvar x = 1;", IsCellMagic: false)));
    }

    [TestCase("%%time\nThread.Sleep(1);")]
    [TestCase("#!time\nThread.Sleep(1);")]
    public void A_cell_magic_line_is_blanked_and_its_body_kept(string code)
    {
        var cell = MagicSyntax.Read(code);
        Assert.That(cell.Invocation, Is.EqualTo(new MagicInvocation("time", "", "\nThread.Sleep(1);", IsCellMagic: true)));
        Assert.That(cell.CSharp, Is.EqualTo("      \nThread.Sleep(1);"));
        Assert.That(cell.CSharpWithArguments, Is.EqualTo(cell.CSharp));
    }

    [TestCase("% 3", null)]
    [TestCase("x % y", null)]
    [TestCase("%(x)", null)]
    [TestCase("  %who", MagicLineKind.LineMagic)]
    [TestCase("%%time", MagicLineKind.CellMagic)]
    [TestCase("#!who", MagicLineKind.LineMagic)]
    [TestCase("#!time", MagicLineKind.CellMagic)]
    [TestCase("#!fsharp", MagicLineKind.RefusedHashBang)]
    [TestCase("#!/usr/bin/env dotnet", null)]
    [TestCase("// a comment first\n/* and a block\n   comment */\n%whos", MagicLineKind.LineMagic)]
    [TestCase("/* before it */ %whos", null)]
    [TestCase("/*\n%whos\n*/", null)]
    public void A_command_is_a_prefix_and_a_name_that_starts_with_a_letter_at_the_start_of_the_first_line(string code, object? kind) =>
        Assert.That(MagicSyntax.Read(code).Lines.FirstOrDefault(l => l.IsCommand)?.Kind, Is.EqualTo((MagicLineKind?)kind));

    [TestCase("int x = 1;\n%time x")]
    [TestCase("var a = 5\n%b;")]
    [TestCase("var s = \"\n%who\";")]
    public void A_percent_line_below_code_is_csharp_as_execution_reads_it(string code)
    {
        var cell = MagicSyntax.Read(code);
        Assert.That(cell.Invocation, Is.Null);
        Assert.That(cell.CSharp, Is.EqualTo(code));
        Assert.That(cell.CommandBeingTyped(code.Length), Is.Null, "completion offers no command there");
    }

    [Test]
    public void The_lines_after_a_line_magic_are_a_cell_of_their_own_which_a_command_may_start()
    {
        var cell = MagicSyntax.Read("%time 1\n%who\n%ti");
        Assert.That(cell.Lines.Select(l => l.Name), Is.EqualTo(new[] { "time", "who", "ti" }));
        Assert.That(cell.Invocation!.Name, Is.EqualTo("time"));
        Assert.That(cell.CommandBeingTyped(cell.Code.Length), Is.EqualTo((13, "%")));
    }

    [Test]
    public void A_cell_of_many_command_lines_is_read_without_a_deep_stack()
    {
        var code = string.Concat(Enumerable.Repeat("%who\n", 200_000));
        Assert.That(MagicSyntax.Read(code).Lines, Has.Count.EqualTo(200_000));
    }

    [TestCase("?Console", "?", "Console")]
    [TestCase("??Console", "??", "Console")]
    [TestCase("Console?", "?", "Console")]
    [TestCase("System.Console.WriteLine??", "??", "System.Console.WriteLine")]
    [TestCase("? int", "?", "int")]
    public void Question_marks_before_or_after_a_dotted_name_ask_for_help(string code, string name, string arguments)
    {
        var cell = MagicSyntax.Read(code);
        Assert.That(cell.Invocation, Is.EqualTo(new MagicInvocation(name, arguments, "", IsCellMagic: false)));
        Assert.That(cell.CSharp, Is.Empty.Or.Matches("^ *$"));
        Assert.That(cell.CSharpWithArguments.Trim(), Is.EqualTo(arguments), "completion and inspection see the name");
    }

    [TestCase("maybe?.Length ?? -1")]
    [TestCase("x ? 1 : 2")]
    [TestCase("?Console\nvar x = 1;")]
    [TestCase("Console.WriteLine(1)?")]
    public void A_question_mark_in_code_or_around_more_than_a_name_is_not_help(string code) =>
        Assert.That(MagicSyntax.Read(code).Invocation, Is.Null);

    [TestCase("#!html\n<b>x</b>", true)]
    [TestCase("\n#!markdown\n# x", true)]
    [TestCase("#!fsharp\nlet x = 1", true)]
    [TestCase("%%html\n<b>{</b>", true)]
    [TestCase("%html <b>{</b>\n<i>", true)]
    [TestCase("%%time\n#!html\n<b>", true)]
    [TestCase("%%time\nvar x = 1;", false)]
    [TestCase("#!time\nvar x = 1;", false)]
    [TestCase("#!csharp\nvar x = 1;", false)]
    [TestCase("#!/usr/bin/env dotnet\nvar x = 1;", false)]
    [TestCase("var x = 1;\n#!html", false)]
    public void Only_a_command_that_shows_or_refuses_the_cell_makes_its_body_foreign(string code, bool foreign)
    {
        var cell = MagicSyntax.Read(code);
        Assert.That(cell.ForeignBodyStart is not null, Is.EqualTo(foreign));
        if (foreign)
            Assert.That(cell.CSharp, Does.Not.Contain("<").And.Not.Contain("let"), "none of the body is C#");
    }

    [TestCase("%who\nvar x = 1;", true)]
    [TestCase("%time 1\nvar x = 1;", true)]
    [TestCase("%who\n\n", false)]
    [TestCase("%html <b>\n<i>", false)]
    [TestCase("%%time\nvar x = 1;", false)]
    [TestCase("#!fsharp\nlet x = 1", false)]
    public void The_lines_after_a_line_magic_run_after_it_unless_the_command_shows_them(string code, bool runsAfter) =>
        Assert.That(MagicSyntax.Read(code).Invocation!.BodyRunsAfter, Is.EqualTo(runsAfter));

    [Test]
    public void A_refused_hash_bang_names_itself_as_the_invocations_arguments() =>
        Assert.That(MagicSyntax.Read("#!fsharp\nlet x = 1").Invocation,
            Is.EqualTo(new MagicInvocation(MagicSyntax.UnknownHashBang, "fsharp", "\nlet x = 1", IsCellMagic: true)));

    [TestCase("%%time", true)]
    [TestCase("#!time\n  \n", true)]
    [TestCase("%%time\n%%time", true)]
    [TestCase("%%time\nvar x = 1;", false)]
    [TestCase("%%time\n#r \"nuget: X\"", false)]
    [TestCase("%time", false)]
    [TestCase("%%html", false)]
    [TestCase("#!about", false)]
    public void A_cell_magic_with_a_csharp_body_waits_for_that_body(string code, bool awaits) =>
        Assert.That(MagicSyntax.Read(code).AwaitsBody, Is.EqualTo(awaits));

    [Test]
    public void Package_directives_are_found_on_their_lines_and_blanked_from_the_csharp()
    {
        const string code = "#r \"nuget: Humanizer.Core, 2.14.1\"\n#:package NodaTime@3.2.2\n#i \"nuget: feed\"\n#r \"lib.dll\"\nvar x = 1;";
        var cell = MagicSyntax.Read(code);
        Assert.That(cell.TakenOut.Select(l => (l.Kind, l.Prefix + l.Name, l.Arguments)), Is.EqualTo(new[]
        {
            (MagicLineKind.PackageReference, "#r", "nuget: Humanizer.Core, 2.14.1"),
            (MagicLineKind.PackageReference, "#:package", "NodaTime@3.2.2"),
            (MagicLineKind.PackageSource, "#i", "\"nuget: feed\""),
        }));
        Assert.That(cell.CSharp.Split('\n'), Is.EqualTo(new[] { new string(' ', 34), new string(' ', 24), new string(' ', 16), "#r \"lib.dll\"", "var x = 1;" }));
    }

    [TestCase("// #r \"nuget: X\"\nvar s = \"#i nuget\";")]
    [TestCase("var s = @\"\n#r \"\"nuget: X\"\"\";")]
    public void Directives_in_strings_and_comments_are_code(string code) =>
        Assert.That(MagicSyntax.Read(code).TakenOut, Is.Empty);

    [Test]
    public void A_hash_bang_csharp_line_is_taken_out_and_a_command_may_follow_it()
    {
        Assert.That(MagicSyntax.Read("\n#!csharp\n6 * 7").CSharp, Is.EqualTo("\n        \n6 * 7"));
        Assert.That(MagicSyntax.Read("#!csharp\n%time 1").Invocation!.Name, Is.EqualTo("time"));
    }

    [TestCase("%", 0, "%")]
    [TestCase("%%ti", 0, "%%")]
    [TestCase("#!ma", 0, "#!")]
    [TestCase("// note\n  %re", 10, "%")]
    public void A_command_name_being_typed_is_found_where_a_command_may_stand(string code, int start, string prefix) =>
        Assert.That(MagicSyntax.Read(code).CommandBeingTyped(code.Length), Is.EqualTo((start, prefix)));
}
