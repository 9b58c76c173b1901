namespace CSharpKernel.Execution;

/// <summary>
/// The running cell's cancellation source. An interrupt, from any thread, cancels it; the next
/// cell gets a fresh one.
/// </summary>
internal sealed class CellCancellation
{
    private volatile CancellationTokenSource? _current;

    public CancellationToken Token => _current?.Token ?? CancellationToken.None;

    public CancellationToken Begin()
    {
        var source = new CancellationTokenSource();
        _current = source;
        return source.Token;
    }

    /// <summary>
    /// The source is not disposed: work the cell started may hold its token after the cell,
    /// and must still find it cancelled (or not) rather than disposed. With no timer it holds
    /// nothing that needs disposing.
    /// </summary>
    public void End() => _current = null;

    /// <summary>True when a cell was running and has been told to stop.</summary>
    public bool Interrupt()
    {
        var source = _current;
        if (source is null)
            return false;
        try
        {
            source.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }
}
