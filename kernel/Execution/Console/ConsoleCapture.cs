using CSharpKernel.Interpreter;
using CSharpKernel.Logging;

namespace CSharpKernel.Execution;

/// <summary>
/// Owns the process's Console.Out, Console.Error and Console.In, and its file descriptors 1 and 2.
/// Text is batched and sent to the sink of the cell whose code wrote it every few milliseconds,
/// and flushed on demand before a reply. What reaches the descriptors (child processes, native
/// code) cannot tell which cell wrote it: it goes to the latest cell, after the Console text
/// written before it.
/// </summary>
internal sealed class ConsoleCapture : IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    private readonly CapturedWriter _stdout;
    private readonly CapturedWriter _stderr;
    private readonly Timer _timer;
    private readonly CellLimits _limits;
    private FileDescriptorCapture? _descriptors;

    /// <param name="limits">What each cell may send and how long it may run; none when not given.</param>
    public ConsoleCapture(CellLimits? limits = null)
    {
        _limits = limits ?? CellLimits.None;
        _stdout = new CapturedWriter(StreamName.Stdout, () => CellContext.CurrentSink, SyncDescriptors);
        _stderr = new CapturedWriter(StreamName.Stderr, () => CellContext.CurrentSink, SyncDescriptors);
        Input = new ConsoleInput(this);
        // Its callbacks must belong to no cell: the batches they send are each tagged with their own cell.
        using (ExecutionContext.SuppressFlow())
            _timer = new Timer(_ => FlushCompleteLines(), null, FlushInterval, FlushInterval);
    }

    /// <summary>Console.In: lines asked of the front end of the cell whose code reads.</summary>
    public ConsoleInput Input { get; }

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
    /// Begins a cell: the calling thread, and all it starts until the context is disposed, run as
    /// the cell. Disposing it ends the cell and sends everything written so far. A cell starts with
    /// the kernel's console in place: a cell that redirected it (Console.SetOut) keeps its
    /// redirection for itself, not for the rest of the session.
    /// </summary>
    /// <param name="sink">Null for a silent request.</param>
    /// <param name="input">Where the cell's reads are asked; null where nobody can answer.</param>
    public CellContext BeginCell(IOutputSink? sink, IInputSource? input)
    {
        FlushAll();
        var cell = CellContext.Begin(sink, input, FlushAll, _limits);
        InstallWriters();
        return cell;
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
        Console.SetIn(Input);
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
        if (CellContext.Latest is not { } cell)
            _descriptors?.WriteOriginal(name, text);
        else
            cell.Sink?.Stream(name, text);
    }
}
