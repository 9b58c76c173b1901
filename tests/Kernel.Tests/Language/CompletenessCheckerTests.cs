using CSharpKernel.Language;

namespace CSharpKernel.Tests.Language;

public sealed class CompletenessCheckerTests
{
    [TestCase("var x = 1;")]
    [TestCase("1 + 1")]
    [TestCase("#r \"System.Numerics\"")]
    [TestCase("#load \"helpers.csx\"")]
    [TestCase("%time 1+1")]
    [TestCase("%who")]
    [TestCase("%time\nvar y = 2;")]
    [TestCase("%%time\nThread.Sleep(10);")]
    [TestCase("var a = 5\n% 3;")]
    [TestCase("")]
    public void Complete_cells_may_run(string code) =>
        Assert.That(CompletenessChecker.Check(code).Status, Is.EqualTo("complete"));

    [Test]
    public void A_cell_magic_without_a_body_waits_for_one()
    {
        var reply = CompletenessChecker.Check("%%time");
        Assert.That(reply.Status, Is.EqualTo("incomplete"));
        Assert.That(reply.Indent, Is.EqualTo(""));
    }

    [Test]
    public void A_cell_magic_body_with_an_open_block_waits_for_the_block()
    {
        var reply = CompletenessChecker.Check("%%time\nfor (var i = 0; i < 3; i++) {");
        Assert.That(reply.Status, Is.EqualTo("incomplete"));
        Assert.That(reply.Indent, Is.EqualTo("    "));
    }

    [TestCase("void F()\n{", "    ")]
    [TestCase("void F()\n{\n    if (true)\n    {", "        ")]
    [TestCase("if (true)", "    ")]
    [TestCase("void F()\n{\n    if (true)", "        ")]
    [TestCase("var list = new List<int>\n{\n    1,", "    ")]
    [TestCase("Console.WriteLine(1,", "    ")]
    [TestCase("var total = 1 +", "    ")]
    [TestCase("class C\n{\n    void M() {\n        var x = 1;", "        ")]
    public void An_open_block_is_incomplete_and_the_next_line_is_indented_inside_it(string code, string indent)
    {
        var reply = CompletenessChecker.Check(code);
        Assert.That(reply.Status, Is.EqualTo("incomplete"));
        Assert.That(reply.Indent, Is.EqualTo(indent));
    }

    [TestCase("var x = ;")]
    [TestCase("int 3x = 1;")]
    public void Text_that_can_never_compile_is_invalid(string code) =>
        Assert.That(CompletenessChecker.Check(code).Status, Is.EqualTo("invalid"));
}
