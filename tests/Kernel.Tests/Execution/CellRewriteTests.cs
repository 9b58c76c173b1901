using CSharpKernel.Execution;
using Microsoft.CodeAnalysis.Text;

namespace CSharpKernel.Tests.Execution;

public sealed class CellRewriteTests
{
    [Test]
    public void Positions_after_an_edit_map_back_to_the_users_columns()
    {
        var original = SourceText.From("var a = _ + 1;\nb(");
        var rewrite = new CellRewrite(original, [new TextChange(new TextSpan(8, 1), "__kernel_out_3")]);
        Assert.That(rewrite.Text, Is.EqualTo("var a = __kernel_out_3 + 1;\nb("));
        var errorAt = rewrite.Text.IndexOf("b(", StringComparison.Ordinal) + 2;
        Assert.That(rewrite.OriginalLinePosition(errorAt), Is.EqualTo(new LinePosition(1, 2)));
        Assert.That(rewrite.ToOriginal(rewrite.Text.IndexOf("+ 1", StringComparison.Ordinal)), Is.EqualTo(10));
    }

    [Test]
    public void A_position_inside_inserted_text_maps_to_where_the_insertion_was()
    {
        var original = SourceText.From("x + 1");
        var rewrite = new CellRewrite(original, [new TextChange(new TextSpan(0, 0), "var v = "), new TextChange(new TextSpan(5, 0), "; v")]);
        Assert.That(rewrite.Text, Is.EqualTo("var v = x + 1; v"));
        Assert.That(rewrite.ToOriginal(3), Is.EqualTo(0));
        Assert.That(rewrite.ToOriginal(8), Is.EqualTo(0));
        Assert.That(rewrite.ToOriginal(12), Is.EqualTo(4));
    }
}
