namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// The soak's cells in one kernel's language: a setup cell, then three kinds of cells, each a small
/// mix that repeats (cell k runs variant k modulo their number), numbered by k so that names are new
/// where a notebook's would be and the same where a re-run cell's would be.
/// </summary>
internal sealed record SoakCode(
    string Setup,
    Func<int, string>[] Trivial,
    Func<int, string>[] Variables,
    Func<int, string>[] Declarations,
    string Reset,
    string? RuntimeCounters)
{
    public static readonly SoakCode CSharp = new(
        "var x = 1;",
        [_ => "1+1", k => $"x + {k}", k => $"Console.WriteLine({k});"],
        [k => $"var a{k} = x * {k};", k => $"var total = x + {k};", k => $"var s{k} = $\"row {{x}} {k}\";"],
        [
            k => $"record R{k}(int X);",
            k => $"int F{k}(int y) => y + {k};",
            k => $"int Helper(int y) => y * {k};",
            k => $"class C{k} {{ public int V = {k}; }}",
        ],
        "%reset",
        // One line of the runtime's own counters, read after a full collection; it declares nothing.
        "Console.WriteLine($\"{GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes} {GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes} " +
        "{AppDomain.CurrentDomain.GetAssemblies().Length} {System.Runtime.JitInfo.GetCompiledMethodCount()}\");");

    public static readonly SoakCode Python = new(
        "x = 1\nfrom dataclasses import dataclass",
        [_ => "1+1", k => $"x + {k}", k => $"print({k})"],
        [k => $"a{k} = x * {k}", k => $"total = x + {k}", k => $"s{k} = f\"row {{x}} {k}\""],
        [
            k => $"@dataclass\nclass R{k}:\n    x: int",
            k => $"def f{k}(y): return y + {k}",
            k => $"def helper(y): return y * {k}",
            k => $"class C{k}:\n    v = {k}",
        ],
        "%reset -f",
        null);
}
