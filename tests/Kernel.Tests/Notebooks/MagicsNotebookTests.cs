using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Notebooks;

/// <summary>
/// notebooks/magics.ipynb: %lsmagic, %time, %%time, %who, %whos, ? help, %reset, the #! spellings,
/// #!html, #!markdown, #!javascript, #!about, another kernel's cell, an unknown command.
/// </summary>
public sealed class MagicsNotebookTests : NotebookFixture
{
    private const string Timing = @"^CPU times: user [\d.]+ m?s, sys: [\d.]+ m?s, total: [\d.]+ m?s\nWall time: [\d.]+ m?s\n$";

    protected override string NotebookName => "magics.ipynb";

    private protected override IReadOnlyDictionary<string, CellExpectation> Expectations { get; } = new Dictionary<string, CellExpectation>
    {
        ["lsmagic"] = new()
        {
            StdoutPattern = @"(?s)^Available line magics:\n.*  %time +wall and CPU time.*\n  %who +.*\n  %whos +.*\nAvailable cell magics:\n.*  %%time +.*#!time #!who #!whos #!lsmagic",
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
        ["hashbang-html"] = new()
        {
            Result = "<p>Primes below 20: <b>2 3 5 7 11 13 17 19</b></p>",
            Html = ["<b>2 3 5 7 11 13 17 19</b>"],
        },
        ["hashbang-markdown"] = new()
        {
            Result = "| planet | moons |\n|---|---|\n| Earth | 1 |\n| Mars | 2 |",
            Also = result => Assert.That(ResultData(result, "text/markdown"), Does.StartWith("| planet | moons |")),
        },
        ["hashbang-javascript"] = new()
        {
            Result = "console.log(\"hello from the C# kernel\");",
            Also = result => Assert.That(ResultData(result, "application/javascript"), Is.EqualTo("console.log(\"hello from the C# kernel\");")),
        },
        ["about"] = new() { ResultContains = "Kernel: csharp-kernel 0.1.0", Html = ["csharp-kernel 0.1.0", "<a href=\"https://"] },
        ["hashbang-other"] = new()
        {
            Ename = "UnknownMagic",
            EvalueContains = "#!fsharp is not available: this kernel runs C# only, and the cell did not run.",
        },
        ["unknown"] = new()
        {
            Ename = "UnknownMagic",
            EvalueContains = "%timeit is not a known command. Known: %about, %html, %javascript, %lsmagic, %markdown, %reset, %time, %who, %whos",
        },
    };

    private static string? ResultData(ExecutionResult result, string mimeType) =>
        result.OfType("execute_result").Single().Content.GetProperty("data").GetProperty(mimeType).GetString();
}
