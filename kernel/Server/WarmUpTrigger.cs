namespace CSharpKernel.Server;

/// <summary>
/// Starts a warm-up once, on the first <see cref="Fire"/>: the server fires the compiler's after the
/// first kernel_info_reply has gone out, so that on a small machine it does not slow the kernel's
/// first answer; once armed, it also fires after a short delay, for a client that never asks for
/// kernel_info.
/// </summary>
internal sealed class WarmUpTrigger(Action warmUp) : IDisposable
{
    private static readonly TimeSpan Fallback = TimeSpan.FromMilliseconds(500);

    private int _started;
    private Timer? _timer;

    public void Arm() => _timer = new Timer(_ => Fire(), null, Fallback, Timeout.InfiniteTimeSpan);

    public void Fire()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
            warmUp();
    }

    public void Dispose() => _timer?.Dispose();
}
