using CSharpKernel.Execution;

namespace CSharpKernel.Tests.Execution;

/// <summary>
/// A script session driven cell by cell, without sockets, counting executions as the kernel does:
/// a stored cell takes the next number, an unstored one runs under the current number.
/// </summary>
internal sealed class SessionCells
{
    public SessionCells(EngineSettings options) => Session = TestSessions.Create(options);

    public ScriptSession Session { get; }

    /// <summary>The execution count of the last stored cell.</summary>
    public int Count { get; private set; }

    public CellOutcome Run(string code, bool storeHistory = true)
    {
        if (storeHistory)
            Count++;
        return Session.Run(code, Count, CancellationToken.None, storeHistory);
    }

    /// <summary>The value of a cell that must succeed; its traceback is the failure message otherwise.</summary>
    public object? Value(string code)
    {
        var outcome = Run(code);
        Assert.That(outcome.Error, Is.Null, () => string.Join("\n", outcome.Error!.Traceback));
        return outcome.Value;
    }
}
