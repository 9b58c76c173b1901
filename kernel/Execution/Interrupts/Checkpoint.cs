using System.Runtime.CompilerServices;

namespace CSharpKernel.Execution;

/// <summary>
/// The checks that <see cref="CheckpointRewriter"/> compiles into every cell: <see cref="Poll"/> at
/// loop back-edges and before gotos, <see cref="Enter"/> at the entry of every method, local
/// function, lambda and accessor. Public because compiled cells call them.
/// </summary>
public static class Checkpoint
{
    /// <summary>How deep the cell thread's stack may grow before a call is refused.</summary>
    public const uint UsableStackBytes = 64 * 1024 * 1024;

    /// <summary>
    /// The cell thread's stack may reach down to <c>_usableLow</c>; below it, down to
    /// <c>_reservationLow</c>, is the guard. Addresses, so that the hot path is one load, one
    /// subtraction and one comparison: no thread-local lookup, no shared write.
    /// </summary>
    private static nuint _usableLow;
    private static nuint _reservationLow;

    private static readonly Lock StopLock = new();

    /// <summary>Set while some code is to stop: the hot path's one load. Which code, the slow path decides.</summary>
    private static volatile bool _stopRequested;

    /// <summary>Set by an interrupt (the user's, or the running cell's time limit), cleared when the next cell starts: all cells' code stops.</summary>
    private static volatile bool _stopAll;

    /// <summary>How many ended cells' work is being stopped now (their time ran out); only their code stops.</summary>
    private static int _stoppingWork;

    [ThreadStatic]
    private static bool _onCellThread;

    /// <summary>True on the thread that runs cells (not on the threads they start).</summary>
    internal static bool OnCellThread => _onCellThread;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Poll()
    {
        if (_stopRequested)
            StopIfAsked();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Enter()
    {
        if (_stopRequested)
            StopIfAsked();
        byte marker;
        if ((nuint)(&marker) - _usableLow >= UsableStackBytes)
            EnterOutsideUsableStack((nuint)(&marker));
    }

    internal static void RequestStop()
    {
        lock (StopLock)
        {
            _stopAll = true;
            _stopRequested = true;
        }
    }

    internal static void Reset()
    {
        lock (StopLock)
        {
            _stopAll = false;
            _stopRequested = _stoppingWork > 0;
        }
    }

    /// <summary>
    /// For the window given, the checkpoints of every cell whose work was marked stopped
    /// (<see cref="CellContext.WorkStopped"/>) throw; the running cell's code meanwhile takes the
    /// slow path and goes on. Work that reaches no checkpoint in the window goes on too.
    /// </summary>
    internal static void StopWork(TimeSpan window)
    {
        lock (StopLock)
        {
            _stoppingWork++;
            _stopRequested = true;
        }
        // A delay, not a timer object: the runtime keeps it alive until it fires.
        using (ExecutionContext.SuppressFlow())
            Task.Delay(window).ContinueWith(_ => EndStopWork(), TaskScheduler.Default);
    }

    private static void EndStopWork()
    {
        lock (StopLock)
        {
            _stoppingWork--;
            _stopRequested = _stopAll || _stoppingWork > 0;
        }
    }

    /// <summary>The slow path: an interrupt stops everything; an ended cell's time limit stops only that cell's work.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StopIfAsked()
    {
        if (_stopAll)
            ThrowInterrupted();
        if (CellContext.Current is { WorkStopped: true } cell)
        {
            cell.ReportWorkStopped();
            ThrowInterrupted();
        }
    }

    /// <summary>
    /// Called first thing on a new cell thread, from its outermost frame. The lowest megabyte of
    /// the reservation is left out of the guard, so that no other thread's stack, which may be
    /// mapped right below, can ever fall inside it.
    /// </summary>
    internal static unsafe void RegisterCellThread(long stackSize)
    {
        byte marker;
        var top = (nuint)(&marker);
        _onCellThread = true;
        // While the two change, no address counts as the guard.
        Volatile.Write(ref _reservationLow, nuint.MaxValue);
        Volatile.Write(ref _usableLow, top - UsableStackBytes);
        Volatile.Write(ref _reservationLow, top - (nuint)stackSize + 1024 * 1024);
    }

    /// <summary>
    /// Either the cell thread has gone too deep, or this is another thread (the thread pool after
    /// an await, the user's own threads), which has the runtime's guard.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EnterOutsideUsableStack(nuint address)
    {
        if (address >= _reservationLow && address < _usableLow)
            ThrowStackExhausted();
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            ThrowStackExhausted();
    }

    // Not marked NoInlining: the JIT then sees a method that never returns, keeps the throw out
    // of the loop, and does not spill the loop's registers around a call that cannot come back.
    private static void ThrowInterrupted() => throw new CellInterruptedException();

    private static void ThrowStackExhausted() => throw new InsufficientExecutionStackException(InterruptErrors.StackExhaustedMessage);
}
