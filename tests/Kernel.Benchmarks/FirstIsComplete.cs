using System.Text.Json.Nodes;
using CSharpKernel.Client;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Benchmarks;

/// <summary>
/// The is_complete requests of a new jupyter console session, one sample each per kernel start:
/// the console waits for them inside its Enter key handler, where a key typed or a terminal report
/// arriving meanwhile breaks its prompt, so their time is a window for that fault.
/// </summary>
internal static class FirstIsComplete
{
    /// <summary>About what a person takes from the first prompt to typing <c>1+1</c> and Enter.</summary>
    private static readonly TimeSpan Typing = TimeSpan.FromMilliseconds(500);

    public static IReadOnlyList<Latency> Measure(int kernelStarts)
    {
        var first = new Latency("first is_complete (1+1), 0.5 s after start");
        var afterCell = new Latency("is_complete of a new shape after cell 1");
        for (var i = 0; i < kernelStarts; i++)
        {
            using var kernel = KernelProcess.Start("benchmark");
            using var client = new KernelClient(kernel);
            client.WaitForReady();
            Thread.Sleep(Typing);
            first.Time(() => IsComplete(client, "1+1"));
            client.Execute("1+1");
            afterCell.Time(() => IsComplete(client, "Console.WriteLine(\"hello, world\")"));
        }
        return [first, afterCell];
    }

    private static ReceivedMessage IsComplete(KernelClient client, string code)
    {
        var reply = client.Request("is_complete_request", new JsonObject { ["code"] = code });
        return reply.Content.GetProperty("status").GetString() == "complete"
            ? reply
            : throw new InvalidOperationException($"is_complete did not say complete for '{code}'");
    }
}
