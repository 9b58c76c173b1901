using System.Diagnostics;
using CSharpKernel.Client;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// Figures of a kernel that is already running: a trivial cell's round trip, warm completion and
/// inspection, and printing many lines. Both kernels run side by side and take turns.
/// </summary>
internal static class SessionFigures
{
    private const int WarmUpCells = 20;

    public static IEnumerable<Figure> Measure(Comparison comparison)
    {
        var running = comparison.Both.Select(c => (Contender: c, Started: Comparison.StartReady(c))).ToList();
        try
        {
            foreach (var (contender, (_, client)) in running)
            {
                for (var i = 0; i < WarmUpCells; i++)
                    Comparison.Run(client, contender.Code.TrivialCell);
            }
            var roundTrip = new Samples();
            for (var cell = 0; cell < comparison.Counts.TrivialCells; cell++)
            {
                foreach (var (contender, (_, client)) in running)
                {
                    var clock = Stopwatch.StartNew();
                    Comparison.Run(client, contender.Code.TrivialCell);
                    roundTrip.Add(contender, clock.Elapsed.TotalMilliseconds);
                }
            }
            var completion = new Samples();
            var inspection = new Samples();
            for (var round = 0; round < comparison.Counts.LanguageRounds; round++)
            {
                foreach (var (contender, (_, client)) in running)
                {
                    completion.Add(contender, StartFigures.TimeRequest(client, "complete_request", contender.Code.Completion));
                    inspection.Add(contender, StartFigures.TimeRequest(client, "inspect_request", contender.Code.Inspection));
                }
            }
            var printTime = new Samples();
            var printMessages = new Samples();
            for (var run = 0; run < comparison.Counts.PrintRuns; run++)
            {
                foreach (var (contender, (_, client)) in running)
                {
                    var (elapsed, messages) = PrintLines(client, contender, comparison.Counts.PrintLines);
                    printTime.Add(contender, elapsed);
                    printMessages.Add(contender, messages);
                }
            }
            yield return comparison.Figure("trivial cell request -> idle", "ms", roundTrip, goal: Goal.AtMostTimesTheirs(1.5));
            yield return comparison.Figure("completion, warm", "ms", completion);
            yield return comparison.Figure("inspection, warm", "ms", inspection);
            yield return comparison.Figure($"print {comparison.Counts.PrintLines:N0} lines -> idle (none lost)", "ms", printTime);
            yield return comparison.Figure($"print {comparison.Counts.PrintLines:N0} lines: stream messages", "msgs", printMessages);
        }
        finally
        {
            foreach (var (_, (kernel, client)) in running)
                Comparison.Close(kernel, client);
        }
    }

    /// <summary>The time to idle and the number of stream messages; every line must arrive, in order.</summary>
    private static (double Milliseconds, double Messages) PrintLines(KernelClient client, Contender contender, int lines)
    {
        var clock = Stopwatch.StartNew();
        var result = Comparison.Run(client, contender.Code.PrintLines(lines));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var printed = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (printed.Length != lines || printed.Where((line, i) => line != i.ToString()).Any())
            throw new InvalidOperationException($"{contender.Name} lost lines: {printed.Length} of {lines} arrived");
        return (elapsed, result.OfType("stream").Count());
    }
}
