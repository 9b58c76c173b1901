namespace CSharpKernel.Benchmarks;

/// <summary>Completion and inspection once the kernel is warm and some cells have run.</summary>
internal static class WarmLatency
{
    public static IReadOnlyList<Latency> Measure(int rounds)
    {
        var (kernel, client) = Requests.WarmKernel();
        using (kernel)
        using (client)
            return Requests.Sample(client, rounds, "warm completion", "warm inspection");
    }
}
