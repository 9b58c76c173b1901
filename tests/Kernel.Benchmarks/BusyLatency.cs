using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Benchmarks;

/// <summary>Completion and inspection while a 10 s cell runs: the shell must not wait for the executor.</summary>
public static class BusyLatency
{
    public static IReadOnlyList<Latency> Measure(int rounds)
    {
        using var kernel = KernelProcess.Start("benchmark");
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        Requests.DeclareCells(client);
        Requests.Complete(client, Requests.Completions[0]);

        var running = client.SendExecute("Thread.Sleep(10_000);");
        client.TryReceiveFor("iopub", m => m.ParentMsgId == running && m.MsgType == "execute_input", KernelClient.DefaultTimeout);
        var completion = new Latency("completion during a 10 s cell");
        var inspection = new Latency("inspection during a 10 s cell");
        for (var round = 0; round < rounds; round++)
        {
            foreach (var request in Requests.Completions)
                completion.Time(() => Requests.Complete(client, request));
            foreach (var request in Requests.Inspections)
                inspection.Time(() => Requests.Inspect(client, request));
        }
        if (client.TryReceiveFor("shell", m => m.ParentMsgId == running, TimeSpan.Zero) is not null)
            Console.WriteLine("warning: the 10 s cell ended before the busy samples were all taken");
        return [completion, inspection];
    }
}
