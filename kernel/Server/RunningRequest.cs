namespace CSharpKernel.Server;

/// <summary>
/// The running execute_request's interrupt: begun before execute_input goes out, so that an
/// interrupt sent on seeing it is never lost; cancelled from control or by SIGINT, from any thread.
/// </summary>
internal sealed class RunningRequest
{
    private volatile CancellationTokenSource? _current;

    public CancellationToken Begin()
    {
        var source = new CancellationTokenSource();
        _current = source;
        return source.Token;
    }

    /// <summary>Not disposed: what the cell started may still hold the token and must find it as it was.</summary>
    public void End() => _current = null;

    /// <summary>True when a request was running and has been told to stop.</summary>
    public bool Interrupt()
    {
        var source = _current;
        if (source is null)
            return false;
        source.Cancel();
        return true;
    }
}
