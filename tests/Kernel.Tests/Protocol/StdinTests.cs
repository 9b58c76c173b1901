using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

public sealed class StdinTests : KernelFixture
{
    [Test]
    public void Console_ReadLine_asks_the_front_end_with_the_pending_prompt_and_returns_its_answer()
    {
        var id = Client.SendExecute("Console.Write(\"Name: \"); var name = Console.ReadLine(); Console.WriteLine($\"Hello, {name}!\");", allowStdin: true);
        var request = NextInputRequest();
        Assert.That(request.Str("prompt"), Is.EqualTo("Name: "));
        Assert.That(request.Content.GetProperty("password").GetBoolean(), Is.False);
        Assert.That(request.ParentMsgId, Is.EqualTo(id), "input_request is parented to the execute_request");
        Client.AnswerInput("Ada");

        var result = Client.Collect(id);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(result.Stdout, Is.EqualTo("Hello, Ada!\n"));
    }

    [Test]
    public void Kernel_ReadPassword_asks_for_hidden_input()
    {
        var id = Client.SendExecute("Kernel.ReadPassword(\"Secret: \").Length", allowStdin: true);
        var request = NextInputRequest();
        Assert.That(request.Str("prompt"), Is.EqualTo("Secret: "));
        Assert.That(request.Content.GetProperty("password").GetBoolean(), Is.True);
        Client.AnswerInput("hunter2");
        Assert.That(Client.Collect(id).Result, Is.EqualTo("7"));
    }

    [Test]
    public void Console_Read_hands_out_the_answer_one_character_at_a_time_then_a_newline()
    {
        var id = Client.SendExecute("new[] { (char)Console.Read(), (char)Console.Read(), (char)Console.Read() }", allowStdin: true);
        NextInputRequest();
        Client.AnswerInput("ab");
        Assert.That(Client.Collect(id).Result, Is.EqualTo("char[3] { 'a', 'b', '\\n' }"));
    }

    [Test]
    public void Reading_input_without_allow_stdin_fails_at_once_with_a_clear_error()
    {
        var result = Client.Execute("var line = Console.ReadLine();", allowStdin: false);
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Str("evalue"), Does.Contain("allow_stdin"));
        Assert.That(Client.TryReceive("stdin", TimeSpan.Zero), Is.Null, "no input_request was sent");
    }

    [Test]
    public void Without_allow_stdin_the_prompt_written_before_the_read_stays_in_the_output()
    {
        var result = Client.Execute("Console.Write(\"Name: \"); var unanswered = Console.ReadLine();", allowStdin: false);
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Stdout, Is.EqualTo("Name: "), "the error follows the question it interrupted");
    }

    [Test]
    public void An_interrupt_wakes_a_cell_waiting_for_input()
    {
        Client.Execute("var keptAcrossInterrupt = 11;");
        var id = Client.SendExecute("var answer = Console.ReadLine();", allowStdin: true);
        NextInputRequest();
        Client.Interrupt();
        var result = Client.Collect(id);
        Assert.That(result.Status, Is.EqualTo("error"));
        Assert.That(result.Reply.Str("ename"), Is.EqualTo("KernelInterrupted"));
        Assert.That(Client.Execute("keptAcrossInterrupt").Result, Is.EqualTo("11"));
    }

    private ReceivedMessage NextInputRequest() =>
        Client.TryReceiveFor("stdin", m => m.MsgType == "input_request", KernelClient.DefaultTimeout)
        ?? throw new TimeoutException("no input_request\n" + Kernel.Stderr);
}
