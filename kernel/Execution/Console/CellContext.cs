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
    private static readonly AsyncLocal<CellContext?> _current = new();
    private static volatile CellContext? _latest;

    private readonly CancellationTokenSource _cancellation = new();
    private readonly Action _ended;
    private volatile bool _leftBehind;
    private volatile bool _hasEnded;

    private CellContext(IOutputSink? sink, IInputSource? input, Action ended)
    {
        Sink = sink;
        Input = input;
        _ended = ended;
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

    private IOutputSink? HeardSink => _leftBehind ? null : Sink;

    /// <param name="ended">Runs when the scope ends, after the context is no longer current.</param>
    internal static CellContext Begin(IOutputSink? sink, IInputSource? input, Action ended)
    {
        var cell = new CellContext(sink, input, ended);
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
