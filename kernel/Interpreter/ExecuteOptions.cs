namespace CSharpKernel.Interpreter;

/// <summary>
/// What an execute_request asks of the language. stop_on_error is not here: aborting the requests
/// queued after an error is the server's rule.
/// </summary>
/// <param name="Silent">No output reaches the client and no result is wanted.</param>
/// <param name="StoreHistory">The cell is counted and recorded in the history; never when silent.</param>
/// <param name="UserExpressions">Expressions to evaluate after a cell that succeeded, each answered as a mime bundle or an error.</param>
/// <param name="AllowStdin">Whether the client can answer an input_request.</param>
internal sealed record ExecuteOptions(bool Silent, bool StoreHistory, IReadOnlyDictionary<string, string> UserExpressions, bool AllowStdin);
