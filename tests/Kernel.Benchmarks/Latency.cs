using System.Diagnostics;

namespace CSharpKernel.Benchmarks;

/// <summary>Round-trip times of one kind of request, summarised as the benchmark prints them.</summary>
internal sealed class Latency(string name)
{
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;

    public T Time<T>(Func<T> request)
    {
        var clock = Stopwatch.StartNew();
        var result = request();
        _milliseconds.Add(clock.Elapsed.TotalMilliseconds);
        return result;
    }

    public override string ToString()
    {
        if (_milliseconds.Count == 0)
            return $"{Name,-44} no samples";
        var sorted = _milliseconds.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        return $"{Name,-44} median {median,8:F1} ms  min {sorted[0],8:F1} ms  max {sorted[^1],8:F1} ms  count {sorted.Count}";
    }
}
