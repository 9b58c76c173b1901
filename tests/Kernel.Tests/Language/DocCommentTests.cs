using CSharpKernel.Language;

namespace CSharpKernel.Tests.Language;

public sealed class DocCommentTests
{
    [Test]
    public void References_read_as_the_names_a_user_knows()
    {
        var doc = DocComment.Parse("""
            <member name="M:X">
              <summary>Calls <see cref="M:System.Math.Max(System.Int32,System.Int32)"/> on <paramref name="value"/>,
              a <see cref="T:System.Collections.Generic.List`1"/>, or returns <see langword="null"/>.</summary>
            </member>
            """);
        Assert.That(doc.Summary, Is.EqualTo("Calls Math.Max on value, a List, or returns null."));
    }

    [Test]
    public void Parameters_returns_and_remarks_are_kept_apart()
    {
        var doc = DocComment.Parse("""
            <member name="M:X">
              <summary>Adds.</summary>
              <param name="a">The first.</param>
              <param name="b">The second.</param>
              <returns>The sum.</returns>
              <remarks><para>Never overflows.</para><para>Really.</para></remarks>
            </member>
            """);
        Assert.That(doc.Parameters, Is.EqualTo(new[] { ("a", "The first."), ("b", "The second.") }));
        Assert.That(doc.Returns, Is.EqualTo("The sum."));
        Assert.That(doc.Remarks, Is.EqualTo("Never overflows.\nReally."));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("<member><summary>unclosed")]
    public void Missing_or_broken_documentation_is_empty(string? xml) =>
        Assert.That(DocComment.Parse(xml).IsEmpty, Is.True);
}
