using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Execution;

/// <summary>
/// Input asked by work a cell started is that cell's: asked of its front end while it runs, and
/// refused once it ended, never asked of a later cell's front end. A kernel of its own: a read
/// wrongly sent to a front end that never answers would leave its cell waiting.
/// </summary>
public sealed class CellContextInputTests : KernelFixture
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Test]
    public void A_task_asks_for_input_as_its_cell_and_cannot_ask_once_the_cell_ended()
    {
        var id = Client.SendExecute(CellContextTests.Signals + "var answer = await Task.Run(() => Console.ReadLine());\n"
                                    + "var late = Task.Run(() => { go.Wait(); try { return Console.ReadLine(); } catch (InvalidOperationException e) { return e.Message; } });\n"
                                    + "answer", allowStdin: true);
        var request = Client.TryReceiveFor("stdin", m => m.MsgType == "input_request", Patience)
                      ?? throw new TimeoutException("the task's read never reached the front end\n" + Kernel.Stderr);
        Assert.That(request.ParentMsgId, Is.EqualTo(id), "the task asks as the cell that started it");
        Client.Send("stdin", "input_reply", new JsonObject { ["value"] = "Ada" });
        Assert.That(Client.Collect(id, Patience).Result, Is.EqualTo("\"Ada\""));

        var next = Client.Execute("go.Set();\nawait late", allowStdin: true, timeout: Patience);
        Assert.That(next.Result, Does.Contain("only available while a cell runs"), next.ToString());
        Assert.That(Client.TryReceive("stdin", TimeSpan.Zero), Is.Null, "the later cell's front end was not asked");
    }
}
