namespace CSharpKernel.Tests.Notebooks;

/// <summary>notebooks/magics.ipynb: %lsmagic, %time, %%time, %who, %whos, ? help, %reset, the #! spellings, an unknown command.</summary>
public sealed class MagicsNotebookTests : NotebookFixture
{
    private const string Timing = @"^CPU times: user [\d.]+ m?s, sys: [\d.]+ m?s, total: [\d.]+ m?s\nWall time: [\d.]+ m?s\n$";

    protected override string NotebookName => "magics.ipynb";

    protected override IReadOnlyDictionary<string, CellExpectation> Expectations { get; } = new Dictionary<string, CellExpectation>
    {
        ["lsmagic"] = new()
        {
            StdoutPattern = @"(?s)^Available line magics:\n.*  %time +wall and CPU time.*\n  %who +.*\n  %whos +.*\nAvailable cell magics:\n  %%time +.*#!time #!who #!whos #!lsmagic",
        },
        ["time-line"] = new() { StdoutPattern = Timing, Result = "500000500000" },
        ["time-cell"] = new() { StdoutPattern = Timing, Result = "2262" },
        ["variables"] = new(),
        ["who"] = new() { Stdout = "answer\tgreeting\tmoons\tprimes\n" },
        ["whos"] = new()
        {
            Stdout = """
                Variable   Type                      Data/Info
                ----------------------------------------------
                answer     int                       42
                greeting   string                    "Hello"
                moons      Dictionary<string, int>   Dictionary<string, int>(2) { { "Earth", 1 }, { "Mars", 2 } }
                primes     List<int>                 List<int>(2262) { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37…

                """,
        },
        ["help-before"] = new() { StdoutPattern = @"(?s)^(?=.*\bmoons\b)(?=.*Dictionary<string, int>)" },
        ["help-after"] = new() { StdoutPattern = @"(?s)^(?=.*\bgreeting\b)(?=.*\bstring\b)" },
        ["reset"] = new() { Stdout = "Reset: variables, types and Out are cleared; In and the execution count are kept.\n" },
        ["after-reset"] = new() { Stdout = "Interactive namespace is empty.\n" },
        ["hashbang-time"] = new() { StdoutPattern = Timing, Result = "385" },
        ["hashbang-csharp"] = new() { Result = "\"10 squares, the largest 100\"" },
        ["hashbang-whos"] = new()
        {
            Stdout = """
                Variable   Type    Data/Info
                ----------------------------
                squares    int[]   int[10] { 1, 4, 9, 16, 25, 36, 49, 64, 81, 100 }

                """,
        },
        ["unknown"] = new()
        {
            Ename = "UnknownMagic",
            EvalueContains = "%timeit is not a known command. Known: %lsmagic, %reset, %time, %who, %whos",
        },
    };
}
