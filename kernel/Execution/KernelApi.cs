namespace CSharpKernel.Execution;

/// <summary>What a cell can ask of the kernel, as the global <c>Kernel</c>.</summary>
public sealed class KernelApi
{
    private readonly Func<IOutputSink?> _sink;
    private readonly Func<CancellationToken> _token;

    public KernelApi(Func<IOutputSink?> sink, Func<CancellationToken> token)
    {
        _sink = sink;
        _token = token;
    }

    /// <summary>Cancelled when the user interrupts the running cell.</summary>
    public CancellationToken CancellationToken => _token();

    public DisplayHandle Display(object? value)
    {
        var handle = new DisplayHandle(Guid.NewGuid().ToString("N"), _sink);
        handle.Show(value, update: false);
        return handle;
    }

    public void ClearOutput(bool wait = false)
    {
        Console.Out.Flush();
        _sink()?.ClearOutput(wait);
    }
}
