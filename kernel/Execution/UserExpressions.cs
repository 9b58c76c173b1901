using System.Text.Json.Nodes;
using CSharpKernel.Protocol;

namespace CSharpKernel.Execution;

/// <summary>
/// execute_request's user_expressions: each is evaluated after the cell against its state and
/// answered as a mime bundle, or as an error of its own; none of them touches the history.
/// </summary>
internal static class UserExpressions
{
    public static Dictionary<string, JsonNode?> Evaluate(ScriptSession session, IReadOnlyDictionary<string, string> expressions,
        CancellationToken token)
    {
        var results = new Dictionary<string, JsonNode?>();
        foreach (var (name, expression) in expressions)
            results[name] = Bundle(session, session.Evaluate(expression, token), token);
        return results;
    }

    /// <summary>The value is formatted on the cell thread, as a cell's is: its display may throw or never end.</summary>
    private static JsonObject Bundle(ScriptSession session, CellOutcome outcome, CancellationToken token)
    {
        if (outcome.Error is { } error)
            return Failed(error);
        var formatted = session.Format(outcome.Value, token);
        return formatted.Value is { } data ? Ok(data) : Failed(formatted.Error!);
    }

    private static JsonObject Failed(CellError error) => new()
    {
        ["status"] = ReplyStatus.Error,
        ["ename"] = error.Ename,
        ["evalue"] = error.Evalue,
        ["traceback"] = new JsonArray(error.Traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
    };

    private static JsonObject Ok(JsonObject data) => new()
    {
        ["status"] = ReplyStatus.Ok,
        ["data"] = data,
        ["metadata"] = new JsonObject(),
    };
}
