using System.Runtime.ExceptionServices;
using CSharpKernel.Logging;

namespace CSharpKernel.Execution;

/// <summary>
/// Checkpoints also stop the threads, timers and async void methods a cell started, where
/// nothing catches what they throw; an exception escaping a thread ends the process. These
/// exceptions, and only these, are taken as handled: the thread ends and the kernel lives.
/// </summary>
public static class UnhandledInterrupts
{
    public static void Install() => ExceptionHandling.SetUnhandledExceptionHandler(IsOurs);

    private static bool IsOurs(Exception exception)
    {
        var ours = exception is CellInterruptedException
                   || (exception is InsufficientExecutionStackException && exception.Message == InterruptErrors.StackExhaustedMessage);
        if (ours)
            KernelLog.Debug($"a background thread of a cell stopped: {exception.GetType().Name}");
        return ours;
    }
}
