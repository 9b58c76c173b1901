using CSharpKernel.Interpreter;
using CSharpKernel.Logging;

namespace CSharpKernel.Execution;

/// <summary>
/// Owns the process's Console.Out and Console.Error, and its file descriptors 1 and 2. Text is
/// batched and sent to the current request's sink every few milliseconds, and flushed on demand
/// before a reply. What reaches the descriptors (child processes, native code) is forwarded to
/// the same sink, after the Console text written before it.
/// </summary>
internal sealed class ConsoleCapture : IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    private readonly CapturedWriter _stdout;
    private readonly CapturedWriter _stderr;
    private readonly Timer _timer;
    private volatile IOutputSink? _target;
    private volatile bool _cellsStarted;
    private FileDescriptorCapture? _descriptors;

    public ConsoleCapture()
    {
        _stdout = new CapturedWriter(StreamName.Stdout, () => _target, SyncDescriptors);
        _stderr = new CapturedWriter(StreamName.Stderr, () => _target, SyncDescriptors);
        _timer = new Timer(_ => FlushCompleteLines(), null, FlushInterval, FlushInterval);
    }

    /// <summary>
    /// The sink that receives output now: the running cell's, or between cells the last one's,
    /// whose background work is still heard there. Output with no target is dropped.
    /// </summary>
    public IOutputSink? Target => _target;

    /// <summary>The kernel's own standard error, whatever a cell did to Console.Error.</summary>
    public TextWriter Error => _stderr;

    /// <summary>Redirects Console and, where the system allows, file descriptors 1 and 2.</summary>
    public void Install()
    {
        _descriptors = FileDescriptorCapture.TryStart(ForwardDescriptorOutput);
        if (_descriptors is not null)
            KernelLog.WriteTo(_descriptors.OriginalStderr);
        InstallWriters();
    }

    /// <summary>
    /// A cell starts with the kernel's writers in place: a cell that redirected the console
    /// (Console.SetOut) keeps its redirection for itself, not for the rest of the session.
    /// </summary>
    public void BeginCell(IOutputSink? target)
    {
        FlushAll();
        _cellsStarted = true;
        _target = target;
        InstallWriters();
    }

    /// <summary>The unfinished last line written to stdout, taken back so that it can serve as a prompt.</summary>
    public string TakePartialLine() => _stdout.TakePartialLine();

    /// <summary>
    /// Sends everything written so far, to the descriptors too. Safe from any thread, also from a
    /// ProcessExit handler: it only takes the capture's own locks and enqueues on the sink.
    /// </summary>
    public void FlushAll()
    {
        if (_descriptors is { } descriptors)
            descriptors.Drain();
        FlushManaged();
    }

    public void Dispose()
    {
        _timer.Dispose();
        FlushAll();
    }

    private void InstallWriters()
    {
        Console.SetOut(_stdout);
        Console.SetError(_stderr);
    }

    private void FlushCompleteLines()
    {
        _stdout.FlushCompleteLines();
        _stderr.FlushCompleteLines();
    }

    private void FlushManaged()
    {
        _stdout.Flush();
        _stderr.Flush();
    }

    private void SyncDescriptors() => _descriptors?.DrainIfDue();

    /// <summary>
    /// Console text written before the descriptor text goes first. With no cell yet, the text is
    /// the kernel's (the runtime, a library starting up) and goes where it would have gone.
    /// </summary>
    private void ForwardDescriptorOutput(string name, string text)
    {
        FlushManaged();
        if (_target is { } target)
            target.Stream(name, text);
        else if (!_cellsStarted)
            _descriptors?.WriteOriginal(name, text);
    }
}
