namespace CSharpKernel.Execution;

/// <summary>
/// Interrupts the running cell, from any thread (control, a signal handler). The cancellation
/// itself is the cell's, in its <see cref="CellContext"/>; the next cell has its own.
/// </summary>
public sealed class CellCancellation
{
    /// <summary>True when a cell was running and has been told to stop.</summary>
    public bool Interrupt() => CellContext.InterruptRunning();
}
