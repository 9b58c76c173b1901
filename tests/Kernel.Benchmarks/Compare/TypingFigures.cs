using System.Diagnostics;
using System.Text.Json.Nodes;
using CSharpKernel.Client;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// A session typed as in VS Code, which asks for completions at every keystroke: before each cell
/// runs, one complete_request per character of its text, the cursor at the end of what is typed so
/// far. The same session again without completions tells what the completions themselves cost:
/// resident memory (after a collection) and the cell and completion latency.
/// </summary>
internal static class TypingFigures
{
    public static IEnumerable<Figure> Measure(Comparison comparison)
    {
        var cells = comparison.Counts.TypedCells;
        var without = Session(comparison, cells, typing: false);
        var with = Session(comparison, cells, typing: true);
        var half = cells / 2;
        yield return comparison.Figure($"typing: RSS after {cells:N0} cells, no completions", "MiB", without.RssAtEnd);
        yield return comparison.Figure($"typing: RSS after {cells:N0} cells, completions", "MiB", with.RssAtEnd);
        yield return comparison.Figure($"typing: RSS growth per cell {half:N0}-{cells:N0} without completions", "KiB", without.Growth);
        yield return comparison.Figure($"typing: RSS growth per cell {half:N0}-{cells:N0} with completions", "KiB", with.Growth,
            string.Join(", ", comparison.Both.Select(c => $"{c.Name}: with / without = {Ratio(with.Growth.Of(c), without.Growth.Of(c))}")) + " (target: at most 1.10)");
        yield return comparison.Figure("typing: cell request -> idle, no completions", "ms", without.Cells);
        yield return comparison.Figure("typing: cell request -> idle, completions", "ms", with.Cells);
        yield return comparison.Figure("typing: completion at each keystroke", "ms", with.Completions);
    }

    private static string Ratio(Summary? with, Summary? without) =>
        with is null || without is null ? "n/a" : without.Median <= 0 ? "n/a (no growth without)" : $"{with.Median / without.Median:F2}";

    private sealed record Run(Samples RssAtEnd, Samples Growth, Samples Cells, Samples Completions);

    private static Run Session(Comparison comparison, int cells, bool typing)
    {
        var running = comparison.Both.Select(c => (Contender: c, Started: Comparison.StartReady(c))).ToList();
        var (rssAtEnd, growth, cellTimes, completions) = (new Samples(), new Samples(), new Samples(), new Samples());
        var rssAtHalf = new Dictionary<string, double>();
        try
        {
            for (var cell = 0; cell < cells; cell++)
            {
                foreach (var (contender, (kernel, client)) in running)
                {
                    var text = contender.Code.TypedCell(cell);
                    for (var typed = 1; typed <= text.Length && typing; typed++)
                        completions.Add(contender, Complete(client, text[..typed]));
                    var clock = Stopwatch.StartNew();
                    Comparison.Run(client, text);
                    cellTimes.Add(contender, clock.Elapsed.TotalMilliseconds);
                    if (cell + 1 == cells / 2)
                        rssAtHalf[contender.Name] = MemoryFigures.SettledResidentMiB(kernel, client, contender);
                    else if (cell + 1 == cells)
                    {
                        var rss = MemoryFigures.SettledResidentMiB(kernel, client, contender);
                        rssAtEnd.Add(contender, rss);
                        growth.Add(contender, (rss - rssAtHalf[contender.Name]) * 1024 / (cells - cells / 2));
                    }
                }
            }
        }
        finally
        {
            foreach (var (_, (kernel, client)) in running)
                Comparison.Close(kernel, client);
        }
        return new Run(rssAtEnd, growth, cellTimes, completions);
    }

    /// <summary>The time to the reply; its busy and idle are read too, as a front end reads them, so they do not pile up.</summary>
    private static double Complete(KernelClient client, string code)
    {
        var clock = Stopwatch.StartNew();
        var id = client.Send("shell", "complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = code.Length });
        var reply = client.WaitForReply("shell", id, Comparison.Timeout);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (reply.Content.GetProperty("status").GetString() != "ok")
            throw new InvalidOperationException($"completion of '{code}' failed: {reply}");
        client.IopubUntilIdle(id, Comparison.Timeout);
        return elapsed;
    }
}
