using System.Text.Json.Nodes;
using CSharpKernel.Protocol;

namespace CSharpKernel.Interpreter;

/// <summary>How a cell ended: ok, with what the reply and the execute_result carry, or an error.</summary>
internal sealed record ExecuteOutcome
{
    /// <summary>The cell's error, as the error message and the error reply show it; null when it succeeded.</summary>
    public ErrorContent? Error { get; init; }

    /// <summary>The execute_result's mime bundle (text/plain included); null when the cell has no value to show.</summary>
    public JsonObject? Result { get; init; }

    /// <summary>The reply's payloads (IPython's <c>page</c>: help for the front end's pager).</summary>
    public IReadOnlyList<JsonObject> Payload { get; init; } = [];

    /// <summary>Each of the request's user_expressions, answered as a mime bundle or an error.</summary>
    public Dictionary<string, JsonNode?> UserExpressions { get; init; } = [];

    public static ExecuteOutcome Failed(ErrorContent error) => new() { Error = error };
}
