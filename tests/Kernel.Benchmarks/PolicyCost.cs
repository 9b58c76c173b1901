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
        Console.WriteLine($"policy cost per cell, ms, {runs} runs each: the compile (as at unrestricted), then the sandbox's check of what it built");
        Console.WriteLine($"{"case",-32} {"compile med",12} {"check med",10} {"compile min",12} {"check min",10} {"check/compile (min)",20}");
        var globals = new ScriptGlobals(new KernelApi(new ConsoleCapture()), new CellHistory(10));
        var options = DefaultScriptOptions.Create();
        var first = CSharpScript.Create<object>("System.Console.Out.Flush();", options, typeof(ScriptGlobals));
        CellCompiler.BuildErrors(first, CancellationToken.None);
        var state = SubmissionChain.Start(globals, first);
        var continuation = options.WithReferences(Array.Empty<MetadataReference>()).WithFilePath("Cell In[2]");
        var history = new CellHistory(10);
        var sandbox = new PolicyGate(SecurityLevel.Sandbox, []);
        foreach (var (name, code) in Cases)
        {
            var compiles = new List<double>();
            var checks = new List<double>();
            for (var run = 0; run < runs + 2; run++)
            {
                var started = Stopwatch.GetTimestamp();
                var compiled = PolicyGate.None.Compile(state, code, continuation, history, "__kernel_bench", CancellationToken.None);
                var compiledAt = Stopwatch.GetTimestamp();
                var refusals = sandbox.Refusals(code, compiled.Script ?? throw new InvalidOperationException($"{name}: {compiled.Error?.Evalue}"),
                    continuation, CancellationToken.None);
                var checkedAt = Stopwatch.GetTimestamp();
                if (refusals.Count > 0)
                    throw new InvalidOperationException($"{name}: refused at sandbox: {refusals[0].Message}");
                // The first two runs warm the JIT and Roslyn's caches up.
                if (run < 2)
                    continue;
                compiles.Add(Stopwatch.GetElapsedTime(started, compiledAt).TotalMilliseconds);
                checks.Add(Stopwatch.GetElapsedTime(compiledAt, checkedAt).TotalMilliseconds);
            }
            Console.WriteLine($"{name,-32} {Median(compiles),12:0.00} {Median(checks),10:0.00} {compiles.Min(),12:0.00} {checks.Min(),10:0.00} {checks.Min() / compiles.Min(),19:P0}");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
