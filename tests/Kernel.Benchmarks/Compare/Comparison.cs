using CSharpKernel.Client;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>The two kernels under comparison (ipykernel may be absent) and the helpers every figure shares.</summary>
internal sealed class Comparison(Contender ours, Contender? theirs, Counts counts)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public Contender Ours { get; } = ours;
    public Contender? Theirs { get; } = theirs;
    public Counts Counts { get; } = counts;

    /// <summary>Ours first, then ipykernel: every loop over this list interleaves the two.</summary>
    public IReadOnlyList<Contender> Both => Theirs is null ? [Ours] : [Ours, Theirs];

    public Figure Figure(string name, string unit, Samples samples, string? note = null, Goal? goal = null) =>
        new(name, unit, samples.Of(Ours), samples.Of(Theirs), note, goal);

    /// <summary>A started kernel and its connected client, once the kernel has answered kernel_info and iopub is live.</summary>
    public static (KernelProcess Kernel, KernelClient Client) StartReady(Contender contender)
    {
        var kernel = contender.Start();
        var client = new KernelClient(kernel);
        client.WaitForReady(Timeout);
        return (kernel, client);
    }

    public static ExecutionResult Run(KernelClient client, string code)
    {
        var result = client.Execute(code, timeout: Timeout);
        return result.Status == "ok" ? result : throw new InvalidOperationException($"the benchmark cell failed: {code}\n{result}");
    }

    /// <summary>Waits for the execute_result of a request and returns it; the reply and idle are drained after.</summary>
    public static ReceivedMessage WaitForResult(KernelClient client, string msgId) =>
        client.TryReceiveFor("iopub", m => m.ParentMsgId == msgId && m.MsgType is "execute_result" or "error", Timeout)
        ?? throw new TimeoutException($"no result for {msgId}\n{client.Kernel!.Stderr}");

    public static void Close(KernelProcess kernel, KernelClient client)
    {
        client.Dispose();
        kernel.Dispose();
    }
}
