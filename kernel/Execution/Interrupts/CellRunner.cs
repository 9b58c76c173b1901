using System.Runtime.ExceptionServices;
using CSharpKernel.Logging;

namespace CSharpKernel.Execution;

/// <summary>
/// Runs a cell's code on the <see cref="CellThread"/> and waits for it, until an interrupt. An
/// interrupt sets the checkpoint flag and wakes the thread from a blocking wait; the cell then
/// has a grace period to stop. A cell that is awaiting when interrupted is left behind at once
/// (nothing it assigns later is kept); a cell whose thread is still busy after the grace period
/// is abandoned together with its thread. Either way the cell is left behind: its
/// <see cref="CellContext"/>, which what it started carries, is no longer heard.
/// </summary>
internal sealed class CellRunner
{
    private readonly CellThread _thread = new();

    public CellRunner(TimeSpan grace) => Grace = grace;

    public TimeSpan Grace { get; }

    /// <summary>Starts the cell on the cell thread, and waits for the task the start returns.</summary>
    public CellRun<T> Run<T>(Func<Task<T>> start, CancellationToken token)
        where T : class
    {
        Checkpoint.Reset();
        using var registration = token.Register(Interrupt);
        CellContext.Current?.Clock?.Start();
        try
        {
            return RunStarted(start, token);
        }
        finally
        {
            HeapLimit.Recover();
        }
    }

    private CellRun<T> RunStarted<T>(Func<Task<T>> start, CancellationToken token)
        where T : class
    {
        var started = _thread.Run(start);
        if (!WaitUnlessInterrupted(started, token) && Task.WaitAny([started], Grace) < 0)
        {
            CellContext.Current?.LeaveBehind();
            _thread.Abandon();
            KernelLog.Warn($"a cell did not stop within {Grace.TotalMilliseconds:0} ms of an interrupt; its thread is abandoned");
            return CellRun<T>.Failed(InterruptErrors.Abandoned(Grace));
        }
        if (Failure<T>(started, token) is { } startFailure)
            return startFailure;

        var running = started.Result;
        if (!WaitUnlessInterrupted(running, token))
        {
            CellContext.Current?.LeaveBehind();
            return CellRun<T>.Failed(InterruptErrors.Interrupted());
        }
        return Failure<T>(running, token) ?? CellRun<T>.Completed(running.Result);
    }

    private void Interrupt()
    {
        Checkpoint.RequestStop();
        _thread.Interrupt();
    }

    /// <summary>False when the token was cancelled before the task ended.</summary>
    private static bool WaitUnlessInterrupted(Task task, CancellationToken token)
    {
        try
        {
            Task.WaitAny([task], token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return task.IsCompleted;
        }
    }

    /// <summary>A task that ended in an interrupt is the user's error; any other fault is the kernel's and is rethrown.</summary>
    private static CellRun<T>? Failure<T>(Task task, CancellationToken token)
        where T : class
    {
        if (task.IsCompletedSuccessfully)
            return null;
        var exception = task.Exception?.InnerException ?? new OperationCanceledException();
        if (InterruptErrors.For(exception, token) is { } error)
            return CellRun<T>.Failed(error);
        ExceptionDispatchInfo.Throw(exception);
        return null;
    }
}
