using CSharpKernel.Protocol;

namespace CSharpKernel.Interpreter;

/// <summary>
/// A language behind the Jupyter protocol, as xeus's xinterpreter and ipykernel's do_* methods
/// are. The server keeps every generic rule (busy and idle, the execution count, execute_input,
/// execute_result and error messages, aborts after an error, the reply shapes, interrupts,
/// shutdown); an interpreter only runs code and answers questions about it. Execute is called
/// on one thread, one request at a time; the other methods from the shell thread, also while a
/// cell runs.
/// </summary>
internal interface IInterpreter : IDisposable
{
    /// <summary>What kernel_info_reply says of the language and its implementation.</summary>
    InterpreterInfo Info { get; }

    /// <summary>Called once on the execution thread, after the first kernel_info reply: what the first cell would otherwise pay for.</summary>
    void WarmUp();

    /// <summary>
    /// Runs a cell. Its output and input go through <paramref name="context"/>; an interrupt
    /// cancels the context's token. A result, when the outcome has one, is published by the server.
    /// </summary>
    ExecuteOutcome Execute(string code, ExecuteOptions options, int executionCount, ExecuteContext context);

    /// <summary>Completion at a cursor counted in code points, as the protocol counts.</summary>
    CompleteReply Complete(string code, int cursorPos);

    /// <summary>Inspection at a cursor counted in code points.</summary>
    InspectReply Inspect(string code, int cursorPos, int detailLevel);

    IsCompleteReply IsComplete(string code);

    /// <summary>The stored cells a history_request asks for (tail, range or search).</summary>
    IReadOnlyList<HistoryEntry> History(HistoryRequest request);

    /// <summary>The kernel is stopping: what the language still holds (output not yet sent) goes out now.</summary>
    void Shutdown(bool restart);
}
