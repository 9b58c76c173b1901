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
    public const long UsableStackBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Below the guard the cell thread's stack is off limits. It is a range of addresses so that
    /// the check on the hot path reads two plain statics: no thread-local lookup, no shared write.
    /// </summary>
    private static nuint _guardLow;
    private static nuint _guardSize;
    private static nuint _cellRegionSize;
    private static volatile bool _stopRequested;

    /// <summary>True between an interrupt and the start of the next cell.</summary>
    public static bool StopRequested => _stopRequested;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Poll()
    {
        if (_stopRequested)
            ThrowInterrupted();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Enter()
    {
        if (_stopRequested)
            ThrowInterrupted();
        byte marker;
        var offset = (nuint)(&marker) - _guardLow;
        if (offset < _guardSize)
            ThrowStackExhausted();
        if (offset >= _cellRegionSize)
            EnterOnOtherThread();
    }

    internal static void RequestStop() => _stopRequested = true;

    internal static void Reset() => _stopRequested = false;

    /// <summary>
    /// Called first thing on a new cell thread, from its outermost frame: the stack below
    /// <paramref name="stackSize"/> minus <see cref="UsableStackBytes"/> becomes the guard. The
    /// lowest megabyte of the reservation is left out, so that no other thread's stack, which
    /// may be mapped right below, can ever fall inside the guard.
    /// </summary>
    internal static unsafe void RegisterCellThread(long stackSize)
    {
        byte marker;
        var top = (nuint)(&marker);
        var low = top - (nuint)stackSize + 1024 * 1024;
        var guardTop = top - (nuint)UsableStackBytes;
        // Disabled while the three values change: every address then counts as another thread's.
        Volatile.Write(ref _guardSize, 0);
        Volatile.Write(ref _cellRegionSize, 0);
        Volatile.Write(ref _guardLow, low);
        Volatile.Write(ref _cellRegionSize, top - low);
        Volatile.Write(ref _guardSize, guardTop - low);
    }

    /// <summary>Threads other than the cell thread (the thread pool after an await, the user's own) have the runtime's guard.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EnterOnOtherThread()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            ThrowStackExhausted();
    }

    // Not marked NoInlining: the JIT then sees a method that never returns, keeps the throw out
    // of the loop, and does not spill the loop's registers around a call that cannot come back.
    private static void ThrowInterrupted() => throw new CellInterruptedException();

    private static void ThrowStackExhausted() => throw new InsufficientExecutionStackException(InterruptErrors.StackExhaustedMessage);
}
