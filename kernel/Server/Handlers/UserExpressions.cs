using System.Text.Json.Nodes;
using CSharpKernel.Display;
using CSharpKernel.Execution;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

/// <summary>
/// execute_request's user_expressions: each is evaluated after the cell against its state and
/// answered as a mime bundle, or as an error of its own; none of them touches the history.
/// </summary>
public static class UserExpressions
{
    public static Dictionary<string, JsonNode?> Evaluate(ScriptSession session, IReadOnlyDictionary<string, string> expressions,
        CancellationToken token)
    {
        var results = new Dictionary<string, JsonNode?>();
        foreach (var (name, expression) in expressions)
            results[name] = Bundle(session.Evaluate(expression, token));
        return results;
    }

    private static JsonObject Bundle(CellOutcome outcome) => outcome.Error is { } error
        ? new JsonObject
        {
            ["status"] = ReplyStatus.Error,
            ["ename"] = error.Ename,
            ["evalue"] = error.Evalue,
            ["traceback"] = new JsonArray(error.Traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
        }
        : new JsonObject
        {
            ["status"] = ReplyStatus.Ok,
            ["data"] = MimeFormatter.Format(outcome.Value),
            ["metadata"] = new JsonObject(),
        };
}
