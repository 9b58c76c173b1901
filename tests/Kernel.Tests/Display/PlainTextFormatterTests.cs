using CSharpKernel.Display;
using CSharpKernel.Execution;
using CSharpKernel.Tests.Execution;

namespace CSharpKernel.Tests.Display;

public sealed class PlainTextFormatterTests
{
    [Test]
    public void Types_declared_in_cells_are_named_as_the_user_wrote_them()
    {
        var session = TestSessions.Create(new EngineSettings());
        var value = session.Run("record Planet(string Name);\nnew List<Planet> { new(\"Mars\") }", 1, CancellationToken.None).Value;
        Assert.That(PlainTextFormatter.Format(value), Is.EqualTo("List<Planet>(1) { [Planet { Name = Mars }] }"));
    }

    [Test]
    public void Strings_are_shown_as_they_are_even_when_they_look_like_a_submission_name()
    {
        Assert.That(PlainTextFormatter.Format("Submission#3.Point"), Is.EqualTo("\"Submission#3.Point\""));
    }
}
