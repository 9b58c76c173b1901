namespace CSharpKernel.Execution;

/// <summary>What a checkpoint throws after an interrupt. A cancellation, so code that handles those handles it.</summary>
public sealed class CellInterruptedException : OperationCanceledException
{
    public CellInterruptedException()
        : base(InterruptErrors.InterruptedMessage)
    {
    }
}
