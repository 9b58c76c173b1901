namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// What %reset gives back: a session runs many cells that declare types and methods, then resets
/// (ours: <c>%reset</c>; ipykernel: <c>%reset -f</c>, which does not ask); the resident memory after
/// a full collection before the cells, after them, right after the reset and after a collection.
/// A first round of as many declaring cells and a reset come before "before": over its cells the
/// runtime reads in pages of the compiler's code and compiles its hot paths again at tier 1, once
/// per process, which is nothing a reset dropped. That round's own share is given too, one-time costs included.
/// </summary>
internal static class ResetFigures
{
    private const double ReturnedGoalPercent = 90;

    public static IEnumerable<Figure> Measure(Comparison comparison)
    {
        var cells = comparison.Counts.ResetCells;
        var declarations = SoakKind.All.Single(k => k.Name == "declarations");
        var firstRound = cells;
        var (before, afterCells, afterReset, afterCollection, returned) = (new Samples(), new Samples(), new Samples(), new Samples(), new Samples());
        var firstReturned = new Samples();
        var running = comparison.Both.Select(c => (Contender: c, Started: Comparison.StartReady(c))).ToList();
        try
        {
            var baseline = new Dictionary<Contender, double>();
            foreach (var (contender, (kernel, client)) in running)
            {
                Comparison.Run(client, contender.Code.Soak.Setup);
                var fresh = MemoryFigures.SettledResidentMiB(kernel, client, contender);
                for (var k = 0; k < firstRound; k++)
                    Comparison.Run(client, declarations.Cell(contender.Code.Soak, k));
                var warm = MemoryFigures.SettledResidentMiB(kernel, client, contender);
                Comparison.Run(client, contender.Code.Soak.Reset);
                Comparison.Run(client, contender.Code.Soak.Setup);
                baseline[contender] = MemoryFigures.SettledResidentMiB(kernel, client, contender);
                if (warm - fresh >= 1)
                    firstReturned.Add(contender, 100 * (warm - baseline[contender]) / (warm - fresh));
                before.Add(contender, baseline[contender]);
            }
            for (var k = 0; k < cells; k++)
            {
                foreach (var (contender, (_, client)) in running)
                    Comparison.Run(client, declarations.Cell(contender.Code.Soak, k));
            }
            foreach (var (contender, (kernel, client)) in running)
            {
                var full = MemoryFigures.SettledResidentMiB(kernel, client, contender);
                afterCells.Add(contender, full);
                Comparison.Run(client, contender.Code.Soak.Reset);
                afterReset.Add(contender, ProcessMemory.ResidentMiB(kernel.Process.Id));
                var collected = MemoryFigures.SettledResidentMiB(kernel, client, contender);
                afterCollection.Add(contender, collected);
                // Under a MiB of growth the share is noise (ipykernel's cells take little), so it is not given.
                if (full - baseline[contender] >= 1)
                    returned.Add(contender, 100 * (full - collected) / (full - baseline[contender]));
            }
        }
        finally
        {
            foreach (var (_, (kernel, client)) in running)
                Comparison.Close(kernel, client);
        }
        yield return comparison.Figure($"%reset: share of a first round of {firstRound:N0} cells' growth given back (one-time costs in it)", "%", firstReturned);
        yield return comparison.Figure($"%reset: RSS before the cells (after the first round and a %reset), collected", "MiB", before);
        yield return comparison.Figure($"%reset: RSS after {cells:N0} declaring cells, collected", "MiB", afterCells);
        yield return comparison.Figure("%reset: RSS right after %reset", "MiB", afterReset);
        yield return comparison.Figure("%reset: RSS after %reset and a collection", "MiB", afterCollection);
        yield return comparison.Figure($"%reset: share of the {cells:N0} cells' growth given back", "%", returned,
            goal: Goal.AtLeast(ReturnedGoalPercent, "%"));
    }
}
