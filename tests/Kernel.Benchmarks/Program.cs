using CSharpKernel.Benchmarks;
using CSharpKernel.Benchmarks.Compare;

// Figures measured as a Jupyter client sees them (the real kernel process, over ZeroMQ), and the
// interrupt checkpoints' cost, in-process.
// Usage: Kernel.Benchmarks [compare|language|interrupts|overhead|policy] [rounds] [kernel-starts]
//        Kernel.Benchmarks compare [--short] [--kernelspec DIR] [--json FILE] [--only start,session,interrupt,memory,typing]
// With no suite named (no arguments, or the first one an option), ours is compared with ipykernel.
var suite = args.Length > 0 && !int.TryParse(args[0], out _) && !args[0].StartsWith("--") ? args[0] : "compare";
var numbers = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).ToList();
string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

switch (suite)
{
    case "compare":
        return CompareSuite.Run(args.Contains("--short"), Option("--kernelspec"), Option("--json") ?? "artifacts/benchmark.json",
            Option("--only")?.Split(',').ToHashSet(), Option("--against"));
    case "language":
        var rounds = numbers.Count > 0 ? numbers[0] : 10;
        var starts = numbers.Count > 1 ? numbers[1] : 5;
        Console.WriteLine(FirstCompletion.Measure(starts));
        foreach (var figure in FirstIsComplete.Measure(starts))
            Console.WriteLine(figure);
        foreach (var figure in WarmLatency.Measure(rounds))
            Console.WriteLine(figure);
        foreach (var figure in BusyLatency.Measure(rounds))
            Console.WriteLine(figure);
        break;
    case "interrupts":
        InterruptLatency.Run(numbers.Count > 0 ? numbers[0] : 20);
        break;
    case "overhead":
        CheckpointOverhead.Run(numbers.Count > 0 ? numbers[0] : 15);
        break;
    case "policy":
        PolicyCost.Run(numbers.Count > 0 ? numbers[0] : 20);
        break;
    default:
        Console.Error.WriteLine($"unknown suite '{suite}': compare, language, interrupts, overhead or policy");
        return 2;
}
return 0;
