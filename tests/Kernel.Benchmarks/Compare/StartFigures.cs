using System.Diagnostics;
using System.Text.Json.Nodes;
using CSharpKernel.Client;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// Figures that need a fresh process each sample: start to kernel_info_reply, start to the first
/// result (sent at once, as nbclient does, or after a pause, as a person does), and the first
/// completion and inspection.
/// </summary>
internal static class StartFigures
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);

    public static IEnumerable<Figure> Measure(Comparison comparison)
    {
        var kernelInfo = new Samples();
        var resultAtOnce = new Samples();
        var resultAfterPause = new Samples();
        var firstCompletion = new Samples();
        var firstInspection = new Samples();
        for (var start = 0; start < comparison.Counts.Starts; start++)
        {
            foreach (var contender in comparison.Both)
            {
                StartAndRun(contender, kernelInfo, (client, clock) =>
                {
                    var id = client.SendExecute(contender.Code.OnePlusOne);
                    Comparison.WaitForResult(client, id);
                    resultAtOnce.Add(contender, clock.Elapsed.TotalMilliseconds);
                });
                StartAndRun(contender, kernelInfo, (client, _) =>
                {
                    Thread.Sleep(Pause);
                    var clock = Stopwatch.StartNew();
                    var id = client.SendExecute(contender.Code.OnePlusOne);
                    Comparison.WaitForResult(client, id);
                    resultAfterPause.Add(contender, clock.Elapsed.TotalMilliseconds);
                });
                StartAndRun(contender, kernelInfo, (client, _) =>
                {
                    firstCompletion.Add(contender, TimeRequest(client, "complete_request", contender.Code.Completion));
                    firstInspection.Add(contender, TimeRequest(client, "inspect_request", contender.Code.Inspection));
                });
            }
        }
        yield return comparison.Figure("start -> kernel_info_reply", "ms", kernelInfo);
        yield return comparison.Figure("start -> result of 1+1 sent after kernel_info", "ms", resultAtOnce);
        yield return comparison.Figure("1+1 sent 2 s after kernel_info -> result", "ms", resultAfterPause);
        yield return comparison.Figure("first completion after kernel_info", "ms", firstCompletion);
        yield return comparison.Figure("first inspection (after first completion)", "ms", firstInspection);
    }

    /// <summary>The time from the request to its reply; a request the kernel cannot answer is a failed benchmark.</summary>
    public static double TimeRequest(KernelClient client, string msgType, (string Code, int Cursor) request)
    {
        var content = new JsonObject { ["code"] = request.Code, ["cursor_pos"] = request.Cursor };
        if (msgType == "inspect_request")
            content["detail_level"] = 0;
        var clock = Stopwatch.StartNew();
        var reply = client.Request(msgType, content, timeout: Comparison.Timeout);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var answered = msgType == "inspect_request"
            ? reply.Content.GetProperty("found").GetBoolean()
            : reply.Content.GetProperty("matches").GetArrayLength() > 0;
        return answered ? elapsed : throw new InvalidOperationException($"{msgType} found nothing for '{request.Code}': {reply}");
    }

    /// <summary>
    /// Starts the process with the clock, sends kernel_info at once (a DEALER queues it until the
    /// kernel binds, as jupyter_client's does), then waits until iopub is live before the body.
    /// </summary>
    private static void StartAndRun(Contender contender, Samples kernelInfo, Action<KernelClient, Stopwatch> body)
    {
        var clock = Stopwatch.StartNew();
        using var kernel = contender.Start();
        using var client = new KernelClient(kernel);
        var id = client.Send("shell", "kernel_info_request", new JsonObject());
        client.WaitForReply("shell", id, Comparison.Timeout);
        kernelInfo.Add(contender, clock.Elapsed.TotalMilliseconds);
        client.WaitForReady(Comparison.Timeout);
        body(client, clock);
    }
}
