using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Benchmarks;

/// <summary>Completion and inspection once the kernel is warm and some cells have run.</summary>
public static class WarmLatency
{
    public static IReadOnlyList<Latency> Measure(int rounds)
    {
        using var kernel = KernelProcess.Start("benchmark");
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        Requests.DeclareCells(client);
        Requests.Complete(client, Requests.Completions[0]);

        var completion = new Latency("warm completion");
        var inspection = new Latency("warm inspection");
        for (var round = 0; round < rounds; round++)
        {
            foreach (var request in Requests.Completions)
                completion.Time(() => Requests.Complete(client, request));
            foreach (var request in Requests.Inspections)
                inspection.Time(() => Requests.Inspect(client, request));
        }
        return [completion, inspection];
    }
}
