using System.Diagnostics;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// Issue 15's soak: one session per kind of cell (trivial, declaring variables, declaring types or
/// methods) and kernel, all six side by side taking turns cell by cell, so that the machine's load
/// falls on all alike. Memory is sampled at checkpoints after a full collection (what the kernel
/// keeps), growth per cell is read from cell 100 to the end (the first cells pay one-time costs:
/// JIT, first use of the compiler's paths), and the time per cell late in the session is set
/// against cells 10-100.
/// </summary>
internal static class SoakFigures
{
    private const int GrowthFrom = 100;

    public static IEnumerable<Figure> Measure(Comparison comparison)
    {
        var checkpoints = comparison.Counts.SoakCheckpoints;
        var cells = checkpoints[^1];
        var sessions = new List<SoakSession>();
        try
        {
            foreach (var kind in SoakKind.All)
                sessions.AddRange(comparison.Both.Select(c => new SoakSession(kind, c, cells)));
            var done = 0;
            var clock = Stopwatch.StartNew();
            foreach (var checkpoint in checkpoints)
            {
                for (; done < checkpoint; done++)
                {
                    foreach (var session in sessions)
                        session.RunCell(done);
                }
                foreach (var session in sessions)
                    session.Sample(checkpoint);
                // A full soak runs for minutes: a line per checkpoint says it is alive and how fast it goes.
                Console.WriteLine($"  soak: {checkpoint:N0} cells of {cells:N0} in {clock.Elapsed.TotalSeconds:F0} s");
            }
        }
        finally
        {
            foreach (var session in sessions)
                session.Dispose();
        }
        PrintCurve(sessions, checkpoints, comparison);
        var figures = new List<Figure>();
        foreach (var kind in SoakKind.All)
            figures.AddRange(KindFigures(comparison, sessions.Where(s => s.Kind == kind).ToList(), kind, checkpoints));
        return figures;
    }

    private static IEnumerable<Figure> KindFigures(Comparison comparison, IReadOnlyList<SoakSession> sessions, SoakKind kind, int[] checkpoints)
    {
        var cells = checkpoints[^1];
        Figure Of(string name, string unit, Func<SoakSession, double?> value, string? note = null, Goal? goal = null)
        {
            var samples = new Samples();
            foreach (var session in sessions)
            {
                if (value(session) is { } v)
                    samples.Add(session.Contender, v);
            }
            return comparison.Figure($"soak {kind.Name}: {name}", unit, samples, note, goal);
        }

        foreach (var checkpoint in checkpoints)
            yield return Of($"RSS after {checkpoint:N0} cells, collected", "MiB", s => s.Memory[checkpoint].SettledMiB);
        yield return Of($"RSS after {cells:N0} cells, as left", "MiB", s => s.Memory[cells].RawMiB);
        yield return Of($"RSS growth per cell, cells {GrowthFrom:N0}-{cells:N0}", "KiB",
            s => Growth(s, GrowthFrom, cells, m => m.SettledMiB), goal: Goal.AtMost(kind.GrowthGoalKiB, "KiB"));
        var steadyFrom = checkpoints.First(c => c >= cells / 5);
        if (steadyFrom > GrowthFrom)
            yield return Of($"RSS growth per cell, cells {steadyFrom:N0}-{cells:N0}", "KiB", s => Growth(s, steadyFrom, cells, m => m.SettledMiB));
        foreach (var figure in SoakSplit.Figures(GrowthFrom, cells, Of))
            yield return figure;

        var lateFrom = cells - cells / 5 + 1;
        yield return Of("cells 10-100, request -> idle", "ms", s => s.MedianMilliseconds(10, 100),
            goal: kind.Name == "trivial" ? Goal.AtMostTimesTheirs(1.5) : null);
        yield return Of($"cells {lateFrom - 1:N0}-{cells:N0}, request -> idle", "ms", s => s.MedianMilliseconds(lateFrom, cells));
        // Per variant of the mix, so that what makes a late cell slow (naming earlier or framework names, say) shows.
        var ours = comparison.Ours.Code.Soak;
        for (var variant = 0; variant < kind.Variants(ours).Length; variant++)
        {
            var v = variant;
            yield return Of($"cells {lateFrom - 1:N0}-{cells:N0}, request -> idle, cells like `{kind.Cell(ours, v).ReplaceLineEndings(" ")}`", "ms",
                s => s.MedianMilliseconds(lateFrom, cells, v));
        }
        yield return Of($"time per cell, cells {lateFrom - 1:N0}-{cells:N0} / cells 10-100", "x",
            s => s.MedianMilliseconds(lateFrom, cells) / s.MedianMilliseconds(10, 100), goal: Goal.AtMost(1.2, "x"));
    }

    /// <summary>KiB per cell of one part (in MiB) of the memory between two checkpoints.</summary>
    public static double Growth(SoakSession session, int from, int to, Func<MemorySample, double> part) =>
        PerCell(session, from, to, part) * 1024;

    /// <summary>The change per cell of one reading between two checkpoints.</summary>
    public static double PerCell(SoakSession session, int from, int to, Func<MemorySample, double> reading) =>
        (reading(session.Memory[to]) - reading(session.Memory[from])) / (to - from);

    /// <summary>The curve in one table, a line per checkpoint and a column per kind and kernel, so that its shape reads at a glance.</summary>
    private static void PrintCurve(IReadOnlyList<SoakSession> sessions, int[] checkpoints, Comparison comparison)
    {
        Console.WriteLine();
        Console.WriteLine("soak: RSS in MiB after a full collection, by cells run");
        var columns = SoakKind.All.SelectMany(k => comparison.Both.Select(c => sessions.First(s => s.Kind == k && s.Contender == c))).ToList();
        Console.WriteLine($"{"cells",7} | " + string.Join(" | ", columns.Select(s => $"{s.Kind.Name + " " + s.Contender.Name,22}")));
        foreach (var checkpoint in checkpoints)
            Console.WriteLine($"{checkpoint,7:N0} | " + string.Join(" | ", columns.Select(s => $"{s.Memory[checkpoint].SettledMiB,22:F1}")));
        Console.WriteLine();
    }
}
