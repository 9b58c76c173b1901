namespace CSharpKernel.Benchmarks.Compare;

/// <summary>The benchmark's programs in one kernel's language.</summary>
internal sealed record ContenderCode(
    string OnePlusOne,
    string TrivialCell,
    Func<int, string> DefineVariable,
    string PrintReady,
    IReadOnlyList<(string Case, string? Code)> StuckCells,
    Func<int, string> PrintLines,
    (string Code, int Cursor) Completion,
    (string Code, int Cursor) Inspection,
    Func<int, string> TypedCell,
    string CollectGarbage,
    SoakCode Soak)
{
    /// <summary>The interrupt cases in the order both kernels report them; a null code means the kernel has no such case.</summary>
    public static readonly string[] InterruptCases = ["tight loop", "sleep", "recursion", "await"];

    public static readonly ContenderCode CSharp = new(
        "1+1",
        "var a = 1;",
        i => $"var v{i} = {i};",
        "Console.WriteLine(\"ready\");\n",
        [
            ("tight loop", "while (true) { }"),
            ("sleep", "Thread.Sleep(60000);"),
            ("recursion", "long F(int n) => n <= 0 ? 1 : F(n - 1) + F(n - 1);\nF(80)"),
            ("await", "await Task.Delay(60000);"),
        ],
        n => $"for (var i = 0; i < {n}; i++) Console.WriteLine(i);",
        ("Console.", 8),
        ("Math.Max", 6),
        i => i == 0 ? "var t0 = 0;" : $"var t{i} = t{i - 1} + 1;",
        "GC.Collect(2, GCCollectionMode.Aggressive, true, true);\nGC.WaitForPendingFinalizers();\nGC.Collect(2, GCCollectionMode.Aggressive, true, true);",
        SoakCode.CSharp);

    public static readonly ContenderCode Python = new(
        "1+1",
        "a = 1",
        i => $"v{i} = {i}",
        "print('ready', flush=True)\n",
        [
            ("tight loop", "while True: pass"),
            ("sleep", "import time\ntime.sleep(60)"),
            ("recursion", "def f(n): return 1 if n <= 0 else f(n - 1) + f(n - 1)\nf(80)"),
            ("await", "import asyncio\nawait asyncio.sleep(60)"),
        ],
        n => $"for i in range({n}): print(i)",
        ("import os\nos.pa", 15),
        ("len", 2),
        i => i == 0 ? "t0 = 0" : $"t{i} = t{i - 1} + 1",
        "import gc\ngc.collect()",
        SoakCode.Python);
}
