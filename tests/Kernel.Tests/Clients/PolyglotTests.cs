namespace CSharpKernel.Tests.Clients;

/// <summary>
/// VS Code's Polyglot Notebooks reaching this kernel: the real dotnet-interactive tool, in stdio mode
/// as the extension runs it, connects with <c>#!connect jupyter --kernel-spec</c> to this build's
/// kernelspec and sends code, completion and hover requests to it.
/// </summary>
[NonParallelizable]
public sealed class PolyglotTests
{
    private const string Kernel = "ours";

    private JupyterSandbox _sandbox = null!;
    private PolyglotSession _session = null!;

    [OneTimeSetUp]
    public void Connect()
    {
        var tool = DotnetInteractiveTool.Ensure();
        _sandbox = JupyterSandbox.Create("polyglot");
        _session = new PolyglotSession(tool, _sandbox);
        _session.WaitForReady(TimeSpan.FromMinutes(2));
        var connect = _session.SubmitCode($"#!connect jupyter --kernel-name {Kernel} --kernel-spec {_sandbox.KernelName}", "csharp", TimeSpan.FromMinutes(3));
        Assert.That(connect.Succeeded, Is.True, $"{connect}\n{_session.Stderr}");
        Assert.That(connect.Formatted("DisplayedValueProduced", "text/plain"), Does.Contain($"Kernel added: #!{Kernel}"));
    }

    [OneTimeTearDown]
    public void Disconnect()
    {
        _session?.Dispose();
        _sandbox?.Dispose();
    }

    [Test]
    public void A_value_comes_back_as_the_return_value()
    {
        var result = _session.SubmitCode("6 * 7", Kernel);
        Assert.That(result.Succeeded, Is.True, result.ToString());
        Assert.That(result.Formatted("ReturnValueProduced", "text/plain"), Is.EqualTo(new[] { "42" }));
    }

    [Test]
    public void State_carries_from_one_submission_to_the_next()
    {
        Assert.That(_session.SubmitCode("var polyglotCount = 20;", Kernel).Succeeded, Is.True);
        var result = _session.SubmitCode("polyglotCount + 22", Kernel);
        Assert.That(result.Formatted("ReturnValueProduced", "text/plain"), Is.EqualTo(new[] { "42" }), result.ToString());
    }

    [Test]
    public void Console_output_is_standard_output()
    {
        var result = _session.SubmitCode("Console.WriteLine(\"hello from the kernel\");", Kernel);
        Assert.That(result.Succeeded, Is.True, result.ToString());
        Assert.That(string.Concat(result.Formatted("StandardOutputValueProduced", "text/plain")), Is.EqualTo("hello from the kernel\n"));
    }

    [Test]
    public void An_exception_fails_the_command_and_says_what_went_wrong()
    {
        var result = _session.SubmitCode("throw new InvalidOperationException(\"polyglot boom\");", Kernel);
        Assert.That(result.Succeeded, Is.False, result.ToString());
        Assert.That(result.ToString(), Does.Contain("polyglot boom"));
        Assert.That(_session.SubmitCode("1 + 1", Kernel).Formatted("ReturnValueProduced", "text/plain"), Is.EqualTo(new[] { "2" }), "the kernel goes on");
    }

    [Test]
    public void A_display_is_a_displayed_value_with_its_html()
    {
        var result = _session.SubmitCode("display(Html(\"<b>shown in VS Code</b>\"));", Kernel);
        Assert.That(result.Succeeded, Is.True, result.ToString());
        Assert.That(result.Formatted("DisplayedValueProduced", "text/html"), Is.EqualTo(new[] { "<b>shown in VS Code</b>" }));
    }

    [Test]
    public void Completion_offers_members_and_the_sessions_own_names()
    {
        var members = _session.RequestAt("RequestCompletions", "Console.Wri", Kernel);
        Assert.That(Completions(members), Does.Contain("WriteLine"), members.ToString());
        _session.SubmitCode("var polyglotCompleted = 1;", Kernel);
        Assert.That(Completions(_session.RequestAt("RequestCompletions", "polyglotCom", Kernel)), Does.Contain("polyglotCompleted"));
    }

    [Test]
    public void Hover_shows_the_signature_under_the_cursor()
    {
        var result = _session.RequestAt("RequestHoverText", "Console.WriteLine", Kernel);
        Assert.That(result.Succeeded, Is.True, result.ToString());
        Assert.That(string.Concat(result.Formatted("HoverTextProduced", "text/plain")), Does.Contain("Console.WriteLine(string"));
    }

    private static List<string> Completions(PolyglotResult result) =>
        [.. result.OfType("CompletionsProduced").SelectMany(e => e["completions"]!.AsArray()).Select(c => c!["insertText"]!.GetValue<string>())];
}
