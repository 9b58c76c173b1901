using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

/// <summary>.NET Interactive's input calls, as the notebooks people bring from Polyglot Notebooks write them.</summary>
public sealed class InteractiveInputTests : KernelFixture
{
    [Test]
    public void GetInputAsync_asks_the_front_end_and_returns_the_answer()
    {
        var id = Client.SendExecute("var city = await Kernel.GetInputAsync(\"City: \");\ncity.ToUpper()", allowStdin: true);
        var request = Answer("Paris");
        Assert.That(request.Str("prompt"), Is.EqualTo("City: "));
        Assert.That(request.Content.GetProperty("password").GetBoolean(), Is.False);
        Assert.That(Client.Collect(id).Result, Is.EqualTo("\"PARIS\""));
    }

    [Test]
    public void GetPasswordAsync_asks_for_hidden_input_and_keeps_it_masked()
    {
        var id = Client.SendExecute(
            "var pw = await Kernel.GetPasswordAsync(\"Token: \");\nConsole.WriteLine(pw);\npw.GetClearTextPassword().Length", allowStdin: true);
        var request = Answer("s3cret!");
        Assert.That(request.Str("prompt"), Is.EqualTo("Token: "));
        Assert.That(request.Content.GetProperty("password").GetBoolean(), Is.True);
        var result = Client.Collect(id);
        Assert.That(result.Result, Is.EqualTo("7"), result.ToString());
        Assert.That(result.Stdout, Does.Not.Contain("s3cret"));
    }

    [Test]
    public void Without_allow_stdin_GetInputAsync_fails_with_a_clear_error()
    {
        var result = Client.Execute("var never = await Kernel.GetInputAsync(\"x\");", allowStdin: false);
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Str("evalue"), Does.Contain("allow_stdin"));
    }

    private ReceivedMessage Answer(string value)
    {
        var request = Client.TryReceiveFor("stdin", m => m.MsgType == "input_request", KernelClient.DefaultTimeout)
                      ?? throw new TimeoutException("no input_request\n" + Kernel.Stderr);
        Client.Send("stdin", "input_reply", new JsonObject { ["value"] = value });
        return request;
    }
}
