namespace CSharpKernel.Execution;

/// <summary>The errors users see when a cell is interrupted, abandoned, or recurses too deep.</summary>
internal static class InterruptErrors
{
    public const string InterruptedMessage = "The cell was interrupted.";

    public static readonly string StackExhaustedMessage =
        $"The cell recursed deeper than the kernel allows ({Checkpoint.UsableStackBytes / (1024 * 1024)} MB of stack); "
        + "the call was refused before the stack could overflow and end the kernel.";

    /// <summary>The error of an interrupted cell: the user's interrupt, or the cell's time limit.</summary>
    public static CellError Interrupted() =>
        CellContext.Current is { TimedOut: true, Clock: { } clock } ? LimitErrors.TimeLimit(clock.Limit) : Tracebacks.Interrupted();

    public static CellError Abandoned(TimeSpan grace)
    {
        if (CellContext.Current is { TimedOut: true, Clock: { } clock })
            return LimitErrors.TimeLimitAbandoned(clock.Limit, grace);
        var evalue = $"{InterruptedMessage} It did not stop within {grace.TotalMilliseconds:0} ms (it is stuck where the "
                     + "kernel cannot reach, in framework or native code), so it was abandoned: it may still be running and "
                     + "using a CPU, and nothing it assigned is kept. The kernel goes on with a new thread.";
        return new CellError(Tracebacks.InterruptedName, evalue, [$"{Tracebacks.InterruptedName}: {evalue}"]);
    }

    /// <summary>
    /// The error for an exception a cell ended with, when it is one of ours: an interrupt that
    /// reached the cell (a checkpoint, a woken wait, the cancelled token), a refused recursion, or
    /// the heap's limit reached. Null for any other exception. The stack error has no frames:
    /// listing a million of them would take minutes.
    /// </summary>
    public static CellError? For(Exception exception, CancellationToken token)
    {
        if (exception is InsufficientExecutionStackException)
            return new CellError(exception.GetType().Name, exception.Message, [$"{exception.GetType().FullName}: {exception.Message}"]);
        if (exception is OutOfMemoryException && HeapLimit.Bytes is { } limit)
            return LimitErrors.Memory(limit);
        return token.IsCancellationRequested && IsInterruption(exception) ? Interrupted() : null;
    }

    private static bool IsInterruption(Exception exception) => exception switch
    {
        OperationCanceledException or ThreadInterruptedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsInterruption),
        _ => exception.InnerException is { } inner && IsInterruption(inner),
    };
}
