namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// A target of an issue that a figure is read against: <paramref name="Met"/> takes our median and
/// the other kernel's (null when it was not measured) and says whether ours meets it, or null when
/// it cannot tell.
/// </summary>
internal sealed record Goal(string Target, Func<double, double?, bool?> Met)
{
    public static Goal AtMost(double limit, string unit) => new($"<= {limit:G} {unit}", (ours, _) => ours <= limit);

    public static Goal AtLeast(double limit, string unit) => new($">= {limit:G} {unit}", (ours, _) => ours >= limit);

    public static Goal AtMostTimesTheirs(double factor) =>
        new($"<= {factor:G}x the other's", (ours, theirs) => theirs is { } t ? ours <= factor * t : null);
}
