using CSharpKernel.Client;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Benchmarks;

/// <summary>The first completion a user asks for, right after the kernel answers its first kernel_info: one sample per kernel start.</summary>
internal static class FirstCompletion
{
    public static Latency Measure(int kernelStarts)
    {
        var latency = new Latency("first completion after start");
        for (var i = 0; i < kernelStarts; i++)
        {
            using var kernel = KernelProcess.Start("benchmark");
            using var client = new KernelClient(kernel);
            client.WaitForReady();
            latency.Time(() => Requests.Complete(client, ("Console.", 8)));
        }
        return latency;
    }
}
