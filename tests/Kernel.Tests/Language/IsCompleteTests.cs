using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Language;

public sealed class IsCompleteTests : KernelFixture
{
    [TestCase("#r \"System.Numerics\"", "complete")]
    [TestCase("%time 1+1", "complete")]
    [TestCase("var x = 1;", "complete")]
    [TestCase("var x = ;", "invalid")]
    public void Directives_magics_and_code_are_judged_as_a_front_end_needs(string code, string status) =>
        Assert.That(IsComplete(code).GetProperty("status").GetString(), Is.EqualTo(status));

    [Test]
    public void An_open_block_is_incomplete_with_the_indent_of_the_next_line()
    {
        var reply = IsComplete("for (var i = 0; i < 3; i++)\n{\n    if (i > 0)\n    {");
        Assert.That(reply.GetProperty("status").GetString(), Is.EqualTo("incomplete"));
        Assert.That(reply.GetProperty("indent").GetString(), Is.EqualTo("        "));
    }

    [Test]
    public void A_cell_magic_waits_for_its_body()
    {
        var reply = IsComplete("%%time");
        Assert.That(reply.GetProperty("status").GetString(), Is.EqualTo("incomplete"));
    }

    [TestCase("#!html\n<div>\n  <p>{ open")]
    [TestCase("#!markdown\n# Title\n\n* \"quoted")]
    [TestCase("#!javascript\nif (x) {")]
    [TestCase("%%html\n<div>{")]
    [TestCase("#!fsharp\nlet f x =")]
    [TestCase("#!about")]
    public void A_cell_whose_body_is_not_csharp_is_complete(string code) =>
        Assert.That(IsComplete(code).GetProperty("status").GetString(), Is.EqualTo("complete"));

    [Test]
    public void A_hash_bang_time_waits_for_its_body_and_its_body_is_csharp()
    {
        Assert.That(IsComplete("#!time").GetProperty("status").GetString(), Is.EqualTo("incomplete"));
        Assert.That(IsComplete("#!time\nfor (var i = 0; i < 3; i++) {").GetProperty("status").GetString(), Is.EqualTo("incomplete"));
        Assert.That(IsComplete("#!time\nvar t = 1;").GetProperty("status").GetString(), Is.EqualTo("complete"));
    }

    private System.Text.Json.JsonElement IsComplete(string code) =>
        Client.Request("is_complete_request", new JsonObject { ["code"] = code }).Content;
}
