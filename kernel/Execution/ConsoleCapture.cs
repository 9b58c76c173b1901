namespace CSharpKernel.Execution;

/// <summary>
/// Owns the process's Console.Out and Console.Error. Text is batched and sent to the current
/// request's sink every few milliseconds, and flushed on demand before a reply.
/// </summary>
public sealed class ConsoleCapture : IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    private readonly CapturedWriter _stdout;
    private readonly CapturedWriter _stderr;
    private readonly Timer _timer;
    private volatile IOutputSink? _target;

    public ConsoleCapture()
    {
        _stdout = new CapturedWriter(StreamName.Stdout, () => _target);
        _stderr = new CapturedWriter(StreamName.Stderr, () => _target);
        _timer = new Timer(_ => FlushCompleteLines(), null, FlushInterval, FlushInterval);
    }

    /// <summary>The sink that receives output now; output with no target is dropped.</summary>
    public IOutputSink? Target
    {
        get => _target;
        set
        {
            FlushAll();
            _target = value;
        }
    }

    public void Install()
    {
        Console.SetOut(_stdout);
        Console.SetError(_stderr);
    }

    /// <summary>The unfinished last line written to stdout, taken back so that it can serve as a prompt.</summary>
    public string TakePartialLine() => _stdout.TakePartialLine();

    private void FlushCompleteLines()
    {
        _stdout.FlushCompleteLines();
        _stderr.FlushCompleteLines();
    }

    public void FlushAll()
    {
        _stdout.Flush();
        _stderr.Flush();
    }

    public void Dispose()
    {
        _timer.Dispose();
        FlushAll();
    }
}
