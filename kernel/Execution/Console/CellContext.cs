using CSharpKernel.Interpreter;
using CSharpKernel.Logging;

namespace CSharpKernel.Execution;

/// <summary>
/// The running cell, as the code it runs sees it: where its output goes, where its input comes
/// from, its cancellation, and whether it is still heard. It is begun once per request, by
/// <see cref="ConsoleCapture.BeginCell"/>, and flows with the execution context into every thread,
/// timer, task and continuation the cell starts, so that their output, input and cancellation stay
/// the cell's after the cell ended and another began. Code no cell started (the kernel's threads,
/// work queued without a context) has none and is given the latest cell's, as before.
/// </summary>
internal sealed class CellContext : IDisposable
{
    private static readonly AsyncLocal<CellContext?> _current = new(NoteWorkStarted);
    private static volatile CellContext? _latest;

    private readonly CancellationTokenSource _cancellation = new();
    private readonly Action _ended;
    private readonly TimeSpan _grace;
    private volatile bool _leftBehind;
    private volatile bool _hasEnded;
    private volatile bool _timedOut;
    private volatile bool _workStopped;
    private volatile bool _startedWork;
    private int _stopReported;

    private CellContext(IOutputSink? sink, IInputSource? input, Action ended, CellLimits limits)
    {
        Sink = sink is not null && limits.OutputBytes is { } bytes ? new LimitedOutputSink(sink, bytes) : sink;
        Input = input;
        _ended = ended;
        _grace = limits.Grace;
        Clock = limits.CellTime is { } time ? new CellClock(time, TimeUp) : null;
    }

    /// <summary>The context of the cell whose code is running here; null for code no cell started.</summary>
    public static CellContext? Current => _current.Value;

    /// <summary>The cell begun last: it runs now, or it ran last.</summary>
    public static CellContext? Latest => _latest;

    /// <summary>The cell that runs now, if one does.</summary>
    public static CellContext? Running => _latest is { HasEnded: false } cell ? cell : null;

    /// <summary>
    /// Where output written here goes: the cell's that started this code, unless it was left behind;
    /// for code no cell started, the latest cell's. Null when the output is not to be heard.
    /// </summary>
    public static IOutputSink? CurrentSink => _current.Value is { } cell ? cell.HeardSink : _latest?.Sink;

    /// <summary>Null for a silent request: what it prints is not shown.</summary>
    public IOutputSink? Sink { get; }

    public IInputSource? Input { get; }

    /// <summary>
    /// Cancelled when the user interrupts the cell. The source is never disposed: work the cell
    /// started may hold the token long after, and must find it cancelled or not, never disposed.
    /// </summary>
    public CancellationToken CancellationToken => _cancellation.Token;

    /// <summary>False once the cell was left behind: what its work still does is not to land in a later cell.</summary>
    public bool IsHeard => !_leftBehind;

    /// <summary>True once its request was answered: the cell's front end no longer waits for input.</summary>
    public bool HasEnded => _hasEnded;

    /// <summary>Counts the cell's time against its limit; null when it has none.</summary>
    public CellClock? Clock { get; }

    /// <summary>True once the cell's time ran out while it ran: its interrupt is the time limit's.</summary>
    public bool TimedOut => _timedOut;

    /// <summary>True once the cell's time ran out after it ended: the checkpoints of the work it left running throw.</summary>
    public bool WorkStopped => _workStopped;

    private IOutputSink? HeardSink => _leftBehind ? null : Sink;

    /// <param name="ended">Runs when the scope ends, after the context is no longer current.</param>
    internal static CellContext Begin(IOutputSink? sink, IInputSource? input, Action ended, CellLimits? limits = null)
    {
        var cell = new CellContext(sink, input, ended, limits ?? CellLimits.None);
        _latest = cell;
        _current.Value = cell;
        return cell;
    }

    /// <summary>Silences the cell's work from now on, and refuses it input: the cell was interrupted while awaiting, or abandoned.</summary>
    internal void LeaveBehind() => _leftBehind = true;

    /// <summary>Ends the cell: the thread that began it leaves its context; work it started keeps it, ended.</summary>
    public void Dispose()
    {
        if (_hasEnded)
            return;
        _hasEnded = true;
        if (_current.Value == this)
            _current.Value = null;
        _ended();
        // The clock runs on for the work the cell started; it stops that work when the cell's time is up.
        (Sink as LimitedOutputSink)?.ReportDropped();
    }

    /// <summary>Tells the cell's front end, once, that the work it left running was stopped by its time limit.</summary>
    internal void ReportWorkStopped()
    {
        if (_leftBehind || Clock is null || Interlocked.Exchange(ref _stopReported, 1) != 0)
            return;
        var line = LimitErrors.BackgroundStopped(Clock.Limit);
        if (Sink is LimitedOutputSink limited)
        {
            limited.ReportDropped();
            limited.Notice(line);
        }
        else
        {
            Sink?.Stream(StreamName.Stderr, line + "\n");
        }
    }

    /// <summary>
    /// A thread other than the cell's own began to run as the cell (a thread, task, timer or
    /// continuation it started): when the cell's time is up, there may be work to stop.
    /// </summary>
    private static void NoteWorkStarted(AsyncLocalValueChangedArgs<CellContext?> change)
    {
        if (change.ThreadContextChanged && change.CurrentValue is { } cell && !Checkpoint.OnCellThread)
            cell._startedWork = true;
    }

    /// <summary>
    /// The cell's time is up: a running cell is interrupted like by the user; the work an ended cell
    /// left running sees its token cancelled and is stopped at its next checkpoint.
    /// </summary>
    private void TimeUp()
    {
        if (!_hasEnded)
            _timedOut = true;
        else if (_startedWork)
        {
            _workStopped = true;
            Checkpoint.StopWork(_grace);
        }
        Interrupt();
        Clock?.Dispose();
    }

    /// <summary>Cancels this cell's token: the server's interrupt of the request that runs it.</summary>
    internal bool Interrupt()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (AggregateException exception)
        {
            // A callback the user registered on the token threw; the token is cancelled all the same.
            KernelLog.Warn($"a cancellation callback of the cell threw: {exception.InnerException?.Message}");
        }
        return true;
    }
}
