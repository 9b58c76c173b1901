using CSharpKernel.Benchmarks;

// Usage: Kernel.Benchmarks [latency|overhead|all] [runs]
var what = args.Length > 0 ? args[0] : "all";
var runs = args.Length > 1 ? int.Parse(args[1]) : 20;
if (what is "latency" or "all")
    InterruptLatency.Run(runs);
if (what is "overhead" or "all")
    CheckpointOverhead.Run(Math.Max(3, runs / 2));
