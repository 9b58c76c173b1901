namespace CSharpKernel.Benchmarks;

/// <summary>Median, 90th and 95th percentile, minimum and maximum of a set of timings, in milliseconds.</summary>
internal sealed record Summary(double Median, double P95, double Min, double Max, int Count)
{
    public double P90 { get; init; }

    public static Summary Of(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1];
        var p90 = sorted[(int)Math.Ceiling(0.90 * sorted.Count) - 1];
        return new Summary(median, p95, sorted[0], sorted[^1], sorted.Count) { P90 = p90 };
    }

    public override string ToString() => $"{Median,8:F1} {P95,8:F1} {Min,8:F1} {Max,8:F1} {Count,6}";
}
