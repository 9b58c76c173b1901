namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// Resident memory after the first cell of a fresh kernel: read at that cell's idle (before any
/// completion or inspection, so without the editor services unless the kernel loaded them on its
/// own), then again once a completion and an inspection have been served (with them).
/// </summary>
internal static class FirstCellFigures
{
    public static IEnumerable<Figure> Measure(Comparison comparison)
    {
        var without = new Samples();
        var with = new Samples();
        for (var start = 0; start < comparison.Counts.Starts; start++)
        {
            foreach (var contender in comparison.Both)
            {
                var (kernel, client) = Comparison.StartReady(contender);
                try
                {
                    Comparison.Run(client, contender.Code.OnePlusOne);
                    without.Add(contender, ProcessMemory.ResidentMiB(kernel.Process.Id));
                    StartFigures.TimeRequest(client, "complete_request", contender.Code.Completion);
                    StartFigures.TimeRequest(client, "inspect_request", contender.Code.Inspection);
                    with.Add(contender, ProcessMemory.ResidentMiB(kernel.Process.Id));
                }
                finally
                {
                    Comparison.Close(kernel, client);
                }
            }
        }
        yield return comparison.Figure("RSS after the first cell, at its idle", "MiB", without, goal: Goal.AtMost(150, "MiB"));
        yield return comparison.Figure("RSS after the first cell, completion and inspection", "MiB", with, goal: Goal.AtMost(200, "MiB"));
    }
}
