using CSharpKernel.Language;

namespace CSharpKernel.Tests.Language;

public sealed class MagicLinesTests
{
    [Test]
    public void Blanking_a_magic_name_keeps_every_offset_and_the_code_after_it()
    {
        const string code = "%time Math.Max(1, 2)\nvar x = 1;";
        var blanked = MagicLines.BlankNames(code);
        Assert.That(blanked, Is.EqualTo("      Math.Max(1, 2)\nvar x = 1;"));
        Assert.That(blanked, Has.Length.EqualTo(code.Length));
    }

    [Test]
    public void A_cell_magic_line_is_blanked_and_its_body_kept()
    {
        var csharp = MagicLines.Blank("%%time\nThread.Sleep(1);", out var cellMagic);
        Assert.That(cellMagic, Is.True);
        Assert.That(csharp, Is.EqualTo("      \nThread.Sleep(1);"));
    }

    [TestCase("% 3", false)]
    [TestCase("x % y", false)]
    [TestCase("  %who", true)]
    [TestCase("%%time", false)]
    public void Only_a_percent_followed_by_a_name_at_the_line_start_is_a_line_magic(string line, bool magic) =>
        Assert.That(MagicLines.IsMagic(line), Is.EqualTo(magic));

    [TestCase("#!html\n<b>x</b>", true)]
    [TestCase("\n#!markdown\n# x", true)]
    [TestCase("#!fsharp\nlet x = 1", true)]
    [TestCase("%%html\n<b>{</b>", true)]
    [TestCase("%%time\nvar x = 1;", false)]
    [TestCase("#!time\nvar x = 1;", false)]
    [TestCase("#!csharp\nvar x = 1;", false)]
    [TestCase("#!/usr/bin/env dotnet\nvar x = 1;", false)]
    [TestCase("var x = 1;\n#!html", false)]
    public void Only_a_first_line_that_shows_or_refuses_the_cell_makes_its_body_foreign(string code, bool foreign) =>
        Assert.That(MagicLines.HasForeignBody(code), Is.EqualTo(foreign));

    [Test]
    public void A_hash_bang_time_line_is_blanked_as_a_cell_magic()
    {
        var csharp = MagicLines.Blank("#!time\nvar x = 1;", out var cellMagic);
        Assert.That(cellMagic, Is.True);
        Assert.That(csharp, Is.EqualTo("      \nvar x = 1;"));
    }
}
