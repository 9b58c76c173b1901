using CSharpKernel.Logging;

namespace CSharpKernel.Execution;

/// <summary>
/// The managed heap's hard limit for the kernel process. The GC reads DOTNET_GCHeapHardLimit only
/// when the runtime starts, which is before the kernel reads its settings; since .NET 8 the limit
/// can be set afterwards (the GCHeapHardLimit data, then GC.RefreshMemoryLimit).
/// <para>
/// The GC's limit is the user's plus a reserve, held by the kernel as one large array (committed,
/// never touched: it costs no resident memory). A cell that fills the heap gets an
/// OutOfMemoryException; the first one thrown anywhere lets go of the reserve, so the kernel's own
/// threads (sockets, heartbeat, iopub) still find memory while the cell unwinds and its error is
/// written. After each cell the reserve is taken again, if what the cell kept leaves room for it.
/// </para>
/// </summary>
internal static class HeapLimit
{
    private const long MinimumReserve = 64L << 20;

    private static byte[]? _reserve;
    private static int _reserveBytes;

    /// <summary>The user's limit, in bytes; null when the heap has none.</summary>
    public static long? Bytes { get; private set; }

    /// <summary>Sets the limit for the rest of the process's life; null leaves the runtime's default.</summary>
    public static void Apply(long? bytes)
    {
        if (bytes is not { } limit)
            return;
        _reserveBytes = (int)Math.Min(MinimumReserve + limit / 16, 1L << 30);
        // Raising the GC's limit above what it found (a container's memory, less its share for the rest) would
        // trade an error in a cell for the kernel being killed by the system: the lower one holds.
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (limit + _reserveBytes > available && available > 2L * _reserveBytes)
        {
            KernelLog.Warn($"{EngineSettings.MemoryLimitVariable} asks for {ByteSize.Format(limit)}, more than the {ByteSize.Format(available)} "
                           + "the system gives this process; the limit is lowered to fit");
            limit = available - _reserveBytes;
        }
        try
        {
            AppContext.SetData("GCHeapHardLimit", (ulong)(limit + _reserveBytes));
            GC.RefreshMemoryLimit();
        }
        catch (InvalidOperationException exception)
        {
            // The heap already holds more than the limit: the kernel runs without one rather than not at all.
            KernelLog.Warn($"the memory limit of {ByteSize.Format(limit)} could not be set: {exception.Message}");
            return;
        }
        Bytes = limit;
        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            if (e.Exception is OutOfMemoryException)
                _reserve = null;
        };
        Recover();
        KernelLog.Debug($"managed heap limited to {ByteSize.Format(limit)} (+{ByteSize.Format(_reserveBytes)} kept for the kernel); "
                        + $"the GC reports {ByteSize.Format(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)}");
    }

    /// <summary>
    /// After a cell: if an out-of-memory error used the reserve, frees what the cell no longer
    /// holds and takes the reserve again, but only when as much again stays free. While the
    /// cells' variables hold more, the reserve stays free for the kernel's own threads.
    /// </summary>
    public static void Recover()
    {
        if (Bytes is not { } limit || _reserve is not null)
            return;
        var room = limit - _reserveBytes;
        if (GC.GetTotalMemory(forceFullCollection: false) > room)
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        if (GC.GetTotalMemory(forceFullCollection: false) > room)
        {
            KernelLog.Debug("the memory reserve stays free: the cells' variables hold nearly all the heap");
            return;
        }
        try
        {
            _reserve = GC.AllocateUninitializedArray<byte>(_reserveBytes);
        }
        catch (OutOfMemoryException)
        {
            KernelLog.Debug("the memory reserve could not be taken back");
        }
    }
}
