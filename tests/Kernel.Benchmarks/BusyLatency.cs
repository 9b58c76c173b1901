using CSharpKernel.Client;

namespace CSharpKernel.Benchmarks;

/// <summary>Completion and inspection while a 10 s cell runs: the shell must not wait for the executor.</summary>
internal static class BusyLatency
{
    public static IReadOnlyList<Latency> Measure(int rounds)
    {
        var (kernel, client) = Requests.WarmKernel();
        using (kernel)
        using (client)
        {
            var running = client.SendExecute("Thread.Sleep(10_000);");
            client.TryReceiveFor("iopub", m => m.ParentMsgId == running && m.MsgType == "execute_input", KernelClient.DefaultTimeout);
            var figures = Requests.Sample(client, rounds, "completion during a 10 s cell", "inspection during a 10 s cell");
            if (client.TryReceiveFor("shell", m => m.ParentMsgId == running, TimeSpan.Zero) is not null)
                Console.WriteLine("warning: the 10 s cell ended before the busy samples were all taken");
            return figures;
        }
    }
}
