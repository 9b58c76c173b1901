using CSharpKernel.Execution;
using CSharpKernel.Tests.Execution;

namespace CSharpKernel.Tests.Display;

/// <summary>
/// The formatters cells register with <c>Kernel.Formatters</c> are their session's user state:
/// another session does not see them, and a reset of the session forgets them with the types they format.
/// </summary>
public sealed class SessionFormatterTests
{
    private const string Register = "Kernel.Formatters.Register<Version>(\"text/html\", v => \"<i>registered</i>\");";

    [Test]
    public void A_reset_of_the_session_forgets_the_formatters_its_cells_registered()
    {
        var cells = new SessionCells(new EngineSettings());
        Assert.That(cells.Run(Register).Error, Is.Null);
        Assert.That(Html(cells.Session), Is.EqualTo("<i>registered</i>"));

        cells.Session.Reset();
        Assert.That(Html(cells.Session), Does.Not.Contain("registered").And.Contain("Major"), "the built-in table again");
    }

    [Test]
    public void A_formatter_one_session_registered_does_not_format_for_another()
    {
        var first = new SessionCells(new EngineSettings());
        var second = new SessionCells(new EngineSettings());
        Assert.That(first.Run(Register).Error, Is.Null);
        Assert.That(Html(second.Session), Does.Not.Contain("registered"));
        Assert.That(Html(first.Session), Is.EqualTo("<i>registered</i>"));
    }

    private static string? Html(ScriptSession session) =>
        session.Format(new Version(1, 2), CancellationToken.None).Value?["text/html"]?.GetValue<string>();
}
