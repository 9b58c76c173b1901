using CSharpKernel.Benchmarks;

// Latency figures of the language services, measured as a Jupyter client sees them: the real
// kernel process, over ZeroMQ. Usage: Kernel.Benchmarks [rounds] [kernel-starts]
var rounds = args.Length > 0 ? int.Parse(args[0]) : 10;
var starts = args.Length > 1 ? int.Parse(args[1]) : 5;

Console.WriteLine(FirstCompletion.Measure(starts));
foreach (var figure in WarmLatency.Measure(rounds))
    Console.WriteLine(figure);
foreach (var figure in BusyLatency.Measure(rounds))
    Console.WriteLine(figure);
