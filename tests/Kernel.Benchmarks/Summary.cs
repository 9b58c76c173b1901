namespace CSharpKernel.Benchmarks;

/// <summary>Median, minimum and maximum of a set of timings, in milliseconds.</summary>
public sealed record Summary(double Median, double Min, double Max, int Count)
{
    public static Summary Of(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Summary(median, sorted[0], sorted[^1], sorted.Count);
    }

    public override string ToString() => $"{Median,8:F1} {Min,8:F1} {Max,8:F1} {Count,6}";
}
