using System.Diagnostics;
using CSharpKernel.Execution;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Benchmarks;

/// <summary>
/// What the checkpoints cost: the same cell compiled as written and with checkpoints, run in
/// turn on a cell thread (as the kernel runs cells), best and median of the runs compared.
/// </summary>
internal static class CheckpointOverhead
{
    private static readonly (string Name, string Code)[] Cases =
    [
        ("top-level numeric for loop", """
                                       double sum = 0;
                                       for (var i = 0; i < 300_000_000; i++) { sum += i * 0.5; }
                                       sum
                                       """),
        ("numeric loop in a method", """
                                     double Sum(int n) { double s = 0; for (var i = 0; i < n; i++) s += i * 0.5; return s; }
                                     Sum(300_000_000)
                                     """),
        ("nested integer loops over an array", """
                                               var data = Enumerable.Range(0, 1_000_000).ToArray();
                                               long total = 0;
                                               for (var round = 0; round < 200; round++)
                                                   foreach (var value in data) total += value ^ round;
                                               total
                                               """),
        ("nested integer loops in a method", """
                                            long Mix(int[] data) { long total = 0; for (var round = 0; round < 200; round++) foreach (var value in data) total += value ^ round; return total; }
                                            Mix(Enumerable.Range(0, 1_000_000).ToArray())
                                            """),
        ("recursive fib(36): an Enter per call", """
                                                 long Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
                                                 Fib(36)
                                                 """),
    ];

    public static void Run(int runs)
    {
        Console.WriteLine($"checkpoint overhead, ms per run, {runs} runs each, alternating");
        Console.WriteLine($"{"case",-40} {"plain med",10} {"checked med",12} {"plain min",10} {"checked min",12} {"ratio(min)",11}");
        var options = DefaultScriptOptions.Create();
        var thread = new CellThread();
        var globals = new ScriptGlobals(new KernelApi(new ConsoleCapture()), new CellHistory(10));
        foreach (var (name, code) in Cases)
        {
            var plain = CSharpScript.Create<object>(code, options, typeof(ScriptGlobals));
            plain.Compile();
            var checkedScript = CheckpointCompiler.Instrument(plain, CancellationToken.None);
            if (!checkedScript.Code.Contains("Checkpoint."))
                throw new InvalidOperationException($"{name}: the cell did not get its checkpoints");
            var plainTimes = new List<double>();
            var checkedTimes = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                plainTimes.Add(Time(thread, plain, globals));
                checkedTimes.Add(Time(thread, checkedScript, globals));
            }
            var p = Summary.Of(plainTimes);
            var c = Summary.Of(checkedTimes);
            Console.WriteLine($"{name,-40} {p.Median,10:F1} {c.Median,12:F1} {p.Min,10:F1} {c.Min,12:F1} {c.Min / p.Min,11:F3}");
        }
    }

    private static double Time(CellThread thread, Script<object> script, ScriptGlobals globals) =>
        thread.Run(() =>
        {
            var clock = Stopwatch.StartNew();
            script.RunAsync(globals).GetAwaiter().GetResult();
            return clock.Elapsed.TotalMilliseconds;
        }).GetAwaiter().GetResult();
}
