using CSharpKernel.Benchmarks;

// Figures measured as a Jupyter client sees them (the real kernel process, over ZeroMQ), and the
// interrupt checkpoints' cost, in-process.
// Usage: Kernel.Benchmarks [language|interrupts|overhead] [rounds] [kernel-starts]
// With no suite named (the first argument a number, or none), the language services are measured.
var suite = args.Length > 0 && !int.TryParse(args[0], out _) ? args[0] : "language";
var numbers = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).ToList();

switch (suite)
{
    case "language":
        var rounds = numbers.Count > 0 ? numbers[0] : 10;
        var starts = numbers.Count > 1 ? numbers[1] : 5;
        Console.WriteLine(FirstCompletion.Measure(starts));
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
    default:
        Console.Error.WriteLine($"unknown suite '{suite}': language, interrupts or overhead");
        return 2;
}
return 0;
