using System.Diagnostics;
using CSharpKernel.Client;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>Resident memory (VmRSS) as small cells that each define a variable pile up, and its growth per cell.</summary>
internal static class MemoryFigures
{
    public static IEnumerable<Figure> Measure(Comparison comparison)
    {
        var running = comparison.Both.Select(c => (Contender: c, Started: Comparison.StartReady(c))).ToList();
        var checkpoints = comparison.Counts.MemoryCheckpoints;
        var rss = checkpoints.Select(_ => new Samples()).ToArray();
        // The cells of the last stretch are timed too: a long session must not make each cell slower.
        var lateCells = new Samples();
        try
        {
            var done = 0;
            for (var index = 0; index < checkpoints.Length; index++)
            {
                for (; done < checkpoints[index]; done++)
                {
                    foreach (var (contender, (_, client)) in running)
                    {
                        var clock = Stopwatch.StartNew();
                        Comparison.Run(client, contender.Code.DefineVariable(done));
                        if (index == checkpoints.Length - 1)
                            lateCells.Add(contender, clock.Elapsed.TotalMilliseconds);
                    }
                }
                foreach (var (contender, (kernel, _)) in running)
                    rss[index].Add(contender, ProcessMemory.ResidentMiB(kernel.Process.Id));
            }
        }
        finally
        {
            foreach (var (_, (kernel, client)) in running)
                Comparison.Close(kernel, client);
        }
        for (var index = 0; index < checkpoints.Length; index++)
            yield return comparison.Figure($"RSS after {checkpoints[index]:N0} cells", "MiB", rss[index]);
        var from = checkpoints[^2];
        yield return comparison.Figure($"cell request -> idle, cells {from:N0}-{checkpoints[^1]:N0}", "ms", lateCells);
        var to = checkpoints[^1];
        var growth = new Samples();
        foreach (var contender in comparison.Both)
            growth.Add(contender, (rss[^1].Of(contender)!.Median - rss[^2].Of(contender)!.Median) * 1024 / (to - from));
        yield return comparison.Figure($"RSS growth per cell, cells {from:N0}-{to:N0}", "KiB", growth);
    }

    /// <summary>
    /// VmRSS once the kernel has collected its garbage (in .NET aggressively, so that the collector
    /// also returns what it no longer needs), so what is measured is what it keeps.
    /// </summary>
    public static double SettledResidentMiB(KernelProcess kernel, KernelClient client, Contender contender)
    {
        Comparison.Run(client, contender.Code.CollectGarbage);
        return ProcessMemory.ResidentMiB(kernel.Process.Id);
    }
}
