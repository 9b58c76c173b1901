using System.Diagnostics;
using CSharpKernel.Execution;
using CSharpKernel.Security;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;

namespace CSharpKernel.Benchmarks;

/// <summary>
/// What the compile-time policy costs a cell: the same cells compiled as the session compiles them,
/// with no policy (unrestricted) and with the sandbox's check, in turn, in one process; the
/// difference is the check (one more binding of the cell and the walk of its symbols).
/// </summary>
internal static class PolicyCost
{
    private static readonly (string Name, string Code)[] Cases =
    [
        ("expression", "6 * 7"),
        ("statements with LINQ", """
                                 var squares = Enumerable.Range(1, 100).Select(n => n * n).ToList();
                                 var even = squares.Where(n => n % 2 == 0).Sum();
                                 Console.WriteLine(even);
                                 """),
        ("record, method and a query", """
                                       record Planet(string Name, double DistanceAu, int Moons);
                                       static int Twice(int x) => 2 * x;
                                       var planets = new List<Planet> { new("Mercury", 0.39, 0), new("Earth", 1.0, 1), new("Mars", 1.52, 2) };
                                       planets.Where(p => p.Moons > 0).Select(p => new { p.Name, Doubled = Twice(p.Moons) })
                                       """),
        ("40-line cell with a class", string.Join("\n", Enumerable.Range(0, 8).Select(i => $$"""
                                       class Counter{{i}} { private int _count; public int Next() => ++_count; }
                                       var counter{{i}} = new Counter{{i}}();
                                       for (var k = 0; k < 3; k++) counter{{i}}.Next();
                                       var text{{i}} = System.Text.Json.JsonSerializer.Serialize(new { Value = counter{{i}}.Next() });
                                       await Task.Delay(0);
                                       """))),
    ];

    public static void Run(int runs)
    {
        Console.WriteLine($"policy cost per cell, ms, {runs} runs each, alternating unrestricted and sandbox (median)");
        Console.WriteLine($"{"case",-32} {"compile",9} {"+check",9} {"check",8} {"check/compile",14}");
        var globals = new ScriptGlobals(new KernelApi(new ConsoleCapture()), new CellHistory(10));
        var options = DefaultScriptOptions.Create();
        var state = CSharpScript.RunAsync("System.Console.Out.Flush();", options, globals, typeof(ScriptGlobals)).GetAwaiter().GetResult();
        var continuation = options.WithReferences(Array.Empty<MetadataReference>()).WithFilePath("Cell In[2]");
        var history = new CellHistory(10);
        var sandbox = new PolicyGate(SecurityLevel.Sandbox, []);
        foreach (var (name, code) in Cases)
        {
            var plain = new List<double>();
            var checkedTimes = new List<double>();
            for (var run = 0; run < runs + 2; run++)
            {
                var withoutPolicy = Time(() => PolicyGate.None.Compile(state, code, continuation, history, "__kernel_bench", CancellationToken.None));
                var withPolicy = Time(() => sandbox.Compile(state, code, continuation, history, "__kernel_bench", CancellationToken.None));
                // The first two runs warm the JIT and Roslyn's caches up.
                if (run < 2)
                    continue;
                plain.Add(withoutPolicy);
                checkedTimes.Add(withPolicy);
            }
            var (compile, total) = (Median(plain), Median(checkedTimes));
            Console.WriteLine($"{name,-32} {compile,9:0.00} {total,9:0.00} {total - compile,8:0.00} {(total - compile) / compile,13:P0}");
        }
    }

    private static double Time(Func<CompiledCell> compile)
    {
        var started = Stopwatch.GetTimestamp();
        var compiled = compile();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (compiled.Error is { } error)
            throw new InvalidOperationException($"a benchmark cell did not compile: {error.Evalue}");
        return elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
