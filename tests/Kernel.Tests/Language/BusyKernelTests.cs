using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Language;

/// <summary>
/// The shell answers everything but execute_request at once, even while a cell runs. Each test's
/// kernel is left with its cell still sleeping and is killed afterwards.
/// </summary>
public sealed class BusyKernelTests
{
    private KernelProcess _kernel = null!;
    private KernelClient _client = null!;
    private string _running = "";

    [SetUp]
    public void StartALongCell()
    {
        _kernel = KernelProcess.Start("busy-key");
        _client = new KernelClient(_kernel);
        _client.WaitForReady();
        Assert.That(_client.Execute("var beforeTheSleep = 7;").Status, Is.EqualTo("ok"));
        _running = _client.SendExecute("Thread.Sleep(60_000);");
        Assert.That(_client.TryReceiveFor("iopub", m => m.ParentMsgId == _running && m.MsgType == "execute_input", KernelClient.DefaultTimeout),
            Is.Not.Null, "the long cell started");
    }

    [TearDown]
    public void StopTheKernel()
    {
        _client.Dispose();
        _kernel.Dispose();
    }

    [Test]
    public void Completion_and_inspection_answer_while_a_cell_runs()
    {
        var completion = _client.Request("complete_request", new JsonObject { ["code"] = "beforeThe", ["cursor_pos"] = 9 });
        Assert.That(completion.Content.GetProperty("matches").EnumerateArray().Select(m => m.GetString()), Does.Contain("beforeTheSleep"));

        var inspection = _client.Request("inspect_request", new JsonObject { ["code"] = "beforeTheSleep", ["cursor_pos"] = 3, ["detail_level"] = 0 });
        Assert.That(inspection.Content.GetProperty("data").GetProperty("text/plain").GetString(), Does.Contain("Value: 7"));

        AssertStillRunning();
    }

    [Test]
    public void Every_other_shell_request_answers_while_a_cell_runs()
    {
        var isComplete = _client.Request("is_complete_request", new JsonObject { ["code"] = "if (true) {" });
        Assert.That(isComplete.Content.GetProperty("status").GetString(), Is.EqualTo("incomplete"));

        var history = _client.Request("history_request", new JsonObject { ["hist_access_type"] = "tail", ["n"] = 1, ["raw"] = true, ["output"] = false });
        Assert.That(history.Content.GetProperty("history")[0][2].GetString(), Is.EqualTo("var beforeTheSleep = 7;"));

        Assert.That(_client.Request("kernel_info_request", new JsonObject()).Content.GetProperty("status").GetString(), Is.EqualTo("ok"));
        Assert.That(_client.Request("comm_info_request", new JsonObject()).Content.GetProperty("status").GetString(), Is.EqualTo("ok"));

        AssertStillRunning();
    }

    /// <summary>The answers above came before the cell's reply: the cell was running all along.</summary>
    private void AssertStillRunning() =>
        Assert.That(_client.TryReceiveFor("shell", m => m.ParentMsgId == _running, TimeSpan.Zero), Is.Null);
}
