namespace CSharpKernel.Benchmarks.Compare;

/// <summary>How many samples each figure takes: the full run, or a short one that only proves the program still works.</summary>
internal sealed record Counts(int Starts, int TrivialCells, int InterruptRuns, int[] MemoryCheckpoints, int PrintLines, int PrintRuns, int LanguageRounds, int TypedCells,
    int[] SoakCheckpoints, int ResetCells)
{
    public static readonly Counts Full = new(8, 500, 10, [1, 10, 1000, 5000], 100_000, 3, 30, 1000,
        [1, 10, 100, 500, 1000, 2000, 3000, 4000, 5000], 1000);

    public static readonly Counts Short = new(1, 50, 2, [1, 10, 100, 300], 100_000, 1, 5, 100,
        [1, 10, 100, 200, 300], 100);
}
