using System.Diagnostics;
using CSharpKernel.Client;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// From the interrupt (interrupt_request or SIGINT, as the kernelspec says) to the interrupted
/// cell's execute_reply, per kind of stuck code. A kernel that has not answered within the
/// patience is counted as not interrupted in that run and replaced by a fresh one.
/// </summary>
internal static class InterruptFigures
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(100);

    public static IEnumerable<Figure> Measure(Comparison comparison)
    {
        var running = comparison.Both.ToDictionary(c => c, Comparison.StartReady);
        var figures = new List<Figure>();
        try
        {
            foreach (var @case in ContenderCode.InterruptCases)
            {
                var latency = new Samples();
                var missed = comparison.Both.ToDictionary(c => c, _ => 0);
                for (var run = 0; run < comparison.Counts.InterruptRuns; run++)
                {
                    foreach (var contender in comparison.Both)
                    {
                        var code = contender.Code.StuckCells.First(c => c.Case == @case).Code;
                        if (Interrupt(running[contender].Client, contender, contender.Code.PrintReady + code) is { } elapsed)
                        {
                            latency.Add(contender, elapsed);
                            continue;
                        }
                        // Still stuck: a fresh kernel for the next run, as a user would restart one.
                        missed[contender]++;
                        Comparison.Close(running[contender].Kernel, running[contender].Client);
                        running[contender] = Comparison.StartReady(contender);
                    }
                }
                var notes = missed.Where(m => m.Value > 0)
                    .Select(m => $"{m.Key.Name} had not stopped {Patience.TotalSeconds:F0} s after the interrupt in {m.Value} of {comparison.Counts.InterruptRuns} runs");
                figures.Add(comparison.Figure($"interrupt -> reply: {@case}", "ms", latency, notes.Any() ? string.Join("; ", notes) : null));
            }
        }
        finally
        {
            foreach (var (kernel, client) in running.Values)
                Comparison.Close(kernel, client);
        }
        return figures;
    }

    private static double? Interrupt(KernelClient client, Contender contender, string code)
    {
        var id = client.SendExecute(code);
        _ = client.TryReceiveFor("iopub", m => m.ParentMsgId == id && m.MsgType == "stream" && m.Str("text").Contains("ready"), Comparison.Timeout)
            ?? throw new TimeoutException($"{contender.Name}: the cell never got ready\n{client.Kernel!.Stderr}");
        // "ready" is published while the cell is still printing it; a signal that lands in
        // ipykernel's flush is lost, so the interrupt waits until the cell is in its stuck statement.
        Thread.Sleep(SettleTime);
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
