using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Interrupts;

/// <summary>
/// A cell interrupted once it said it was ready, and a cell queued behind it: what the client
/// saw before the interrupt, the interrupted cell's reply and iopub, and the queued cell's.
/// </summary>
internal sealed record InterruptedRun(string OutputBeforeInterrupt, ExecutionResult Interrupted, ExecutionResult Queued)
{
    public const string ReadyMarker = "ready";

    /// <summary>Sends the cell and a cell behind it, waits for the cell's "ready" on stdout, interrupts, and collects both.</summary>
    public static InterruptedRun Start(KernelClient client, string code, Action<KernelClient> interrupt, bool allowStdin = false)
    {
        var id = client.SendExecute(code, allowStdin: allowStdin);
        var queued = client.SendExecute("Console.WriteLine(\"the queued cell ran\");");
        var ready = client.TryReceiveFor("iopub",
                        m => m.ParentMsgId == id && m.MsgType == "stream" && m.Str("text").Contains(ReadyMarker),
                        KernelClient.DefaultTimeout)
                    ?? throw new TimeoutException($"the cell never printed '{ReadyMarker}'\n{client.Kernel!.Stderr}");
        interrupt(client);
        return new InterruptedRun(ready.Str("text"), client.Collect(id), client.Collect(queued));
    }

    public string Ename => Interrupted.Reply.Str("ename");

    public string Evalue => Interrupted.Reply.Str("evalue");
}
