namespace CSharpKernel.Execution;

/// <summary>What a %-command may act on: the session, and the cell it was typed in.</summary>
internal sealed record MagicContext(ScriptSession Session, int ExecutionCount, bool StoreHistory, CancellationToken Token)
{
    /// <summary>Runs code as the rest of this cell (its input is already recorded).</summary>
    public CellOutcome RunCode(string code) => Session.RunBody(code, ExecutionCount, StoreHistory, Token);
}
