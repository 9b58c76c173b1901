using System.Diagnostics;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// From the interrupt (interrupt_request or SIGINT, as the kernelspec says) to the interrupted
/// cell's execute_reply, per kind of stuck code. A kernel that has not answered within the
/// patience is reported as unable to interrupt that case, and is not asked again.
/// </summary>
public static class InterruptFigures
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static IEnumerable<Figure> Measure(Comparison comparison)
    {
        var running = comparison.Both.Select(c => (Contender: c, Started: Comparison.StartReady(c))).ToList();
        var stuck = new HashSet<string>();
        var figures = new List<Figure>();
        try
        {
            foreach (var @case in ContenderCode.InterruptCases)
            {
                var latency = new Samples();
                var notes = new List<string>();
                for (var run = 0; run < comparison.Counts.InterruptRuns; run++)
                {
                    foreach (var (contender, (_, client)) in running)
                    {
                        if (stuck.Contains(contender.Name))
                            continue;
                        var code = contender.Code.StuckCells.First(c => c.Case == @case).Code;
                        if (Interrupt(client, contender, contender.Code.PrintReady + code) is { } elapsed)
                            latency.Add(contender, elapsed);
                        else
                        {
                            stuck.Add(contender.Name);
                            notes.Add($"{contender.Name} did not stop within {Patience.TotalSeconds:F0} s: not interruptible");
                        }
                    }
                }
                figures.Add(comparison.Figure($"interrupt -> reply: {@case}", "ms", latency, notes.Count > 0 ? string.Join("; ", notes) : null));
            }
        }
        finally
        {
            foreach (var (_, (kernel, client)) in running)
                Comparison.Close(kernel, client);
        }
        return figures;
    }

    private static double? Interrupt(KernelClient client, Contender contender, string code)
    {
        var id = client.SendExecute(code);
        _ = client.TryReceiveFor("iopub", m => m.ParentMsgId == id && m.MsgType == "stream" && m.Str("text").Contains("ready"), Comparison.Timeout)
            ?? throw new TimeoutException($"{contender.Name}: the cell never got ready\n{client.Kernel.Stderr}");
        var clock = Stopwatch.StartNew();
        var interruptId = contender.Interrupt(client);
        if (client.TryReceiveFor("shell", m => m.ParentMsgId == id, Patience) is not { } reply)
            return null;
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (reply.Str("status") != "error")
            throw new InvalidOperationException($"{contender.Name}: the cell was not interrupted: {reply}");
        client.IopubUntilIdle(id, Comparison.Timeout);
        if (interruptId is not null)
            client.WaitForReply("control", interruptId, Comparison.Timeout);
        return elapsed;
    }
}
