using System.Text;
using System.Text.Json.Nodes;

namespace CSharpKernel.Tests.Limits;

/// <summary>
/// Past its limit a cell's output is dropped, from the cell and from what it started, and one line
/// on stderr says how much and the limit, when the cell ends. The kernel stays responsive
/// through the flood, and the next cell has its own budget.
/// </summary>
public sealed class OutputLimitTests : LimitedKernel
{
    private const int LimitBytes = OutputKilobytes * 1024;

    [Test]
    public void A_flood_of_writes_is_cut_at_the_limit_with_one_line_that_says_how_much_was_dropped()
    {
        var run = Client.Execute("for (var i = 0; i < 1_000_000; i++) Console.Write(i);");
        Assert.That(run.Status, Is.EqualTo("ok"), run.ToString());
        // The digits of 0 .. 999,999: 5,888,890 bytes, of which 64 KiB are sent.
        Assert.That(Encoding.UTF8.GetByteCount(run.Stdout), Is.EqualTo(LimitBytes));
        Assert.That(run.Stdout, Does.StartWith("0123456789101112"));
        Assert.That(run.Stderr, Is.EqualTo($"[output limit: {OutputKilobytes} KiB per cell reached; 5.6 MiB dropped (CSHARP_KERNEL_OUTPUT_LIMIT_KB)]\n"));
        var next = Client.Execute("Console.WriteLine(\"the next cell has its own budget\");");
        Assert.That(next.Stdout, Is.EqualTo("the next cell has its own budget\n"));
        AssertStateKept();
    }

    [Test]
    public void An_endless_flood_is_stopped_by_the_time_limit_and_the_kernel_answers_meanwhile()
    {
        var id = Client.SendExecute("while (true) Console.WriteLine(\"x\");");
        Assert.That(Client.TryReceiveFor("iopub", m => m.ParentMsgId == id && m.MsgType == "stream", TimeSpan.FromSeconds(30)), Is.Not.Null);
        var info = Client.Request("kernel_info_request", new JsonObject());
        Assert.That(info.Str("status"), Is.EqualTo("ok"), "the shell answers during the flood");
        var run = Client.Collect(id);
        AssertFailed(run, "TimeLimitExceeded", "CSHARP_KERNEL_TIME_LIMIT_S");
        Assert.That(Encoding.UTF8.GetByteCount(run.Stdout), Is.LessThanOrEqualTo(LimitBytes));
        Assert.That(run.Stderr, Does.Match(@"^\[output limit: 64 KiB per cell reached; [\d.]+ [KMG]iB dropped \(CSHARP_KERNEL_OUTPUT_LIMIT_KB\)\]\n$"));
        AssertStateKept();
    }

    [Test]
    public void Displays_past_the_limit_are_dropped_whole()
    {
        var run = Client.Execute("for (var i = 0; i < 100; i++) display(new string('x', 10_000));");
        Assert.That(run.Status, Is.EqualTo("ok"), run.ToString());
        var shown = run.OfType("display_data").ToList();
        Assert.That(shown, Has.Count.InRange(1, 99));
        Assert.That(shown.Sum(m => m.Content.GetProperty("data").GetRawText().Length), Is.LessThanOrEqualTo(LimitBytes + 1024));
        Assert.That(run.Stderr, Does.StartWith($"[output limit: {OutputKilobytes} KiB per cell reached;"));
    }

    [Test]
    public void A_task_flooding_after_its_cell_ended_is_held_to_the_cells_budget_and_stopped_at_its_time()
    {
        var id = Client.SendExecute("var flood = Task.Run(() => { while (true) Console.WriteLine(\"flood\"); });\n\"started\"");
        var run = Client.Collect(id);
        Assert.That(run.Result, Is.EqualTo("\"started\""));
        var notice = Client.TryReceiveFor("iopub", m => m.ParentMsgId == id && m.MsgType == "stream" && m.Str("text").Contains("[time limit:"),
            TimeSpan.FromSeconds(30));
        Assert.That(notice, Is.Not.Null, "the flood is stopped when the cell's time is up");
        // What came after the reply, up to the notice, was kept aside by the wait for the notice.
        var late = Client.TakeAll("iopub", TimeSpan.Zero).Where(m => m.ParentMsgId == id && m.MsgType == "stream" && m.Str("name") == "stdout");
        var sent = Encoding.UTF8.GetByteCount(run.Stdout) + late.Sum(m => Encoding.UTF8.GetByteCount(m.Str("text")));
        Assert.That(sent, Is.LessThanOrEqualTo(LimitBytes), "the work the cell started shares its budget");
        var stopped = Client.Execute(LimitedKernel.HowItEnded("flood"));
        Assert.That(stopped.Result, Is.EqualTo("\"stopped\""));
        Assert.That(stopped.Stdout, Does.Not.Contain("flood"), "the flood does not land in a later cell");
    }
}
