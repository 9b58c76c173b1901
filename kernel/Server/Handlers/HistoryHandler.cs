using System.Text.Json.Nodes;
using CSharpKernel.Interpreter;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

/// <summary>history_request: tail, range or search, each entry [session, line, input] or, with output, [session, line, [input, output]].</summary>
internal sealed class HistoryHandler
{
    private readonly IInterpreter _interpreter;

    public HistoryHandler(IInterpreter interpreter) => _interpreter = interpreter;

    public void Handle(RequestContext request)
    {
        var content = request.Content(ProtocolJsonContext.Default.HistoryRequest);
        var history = new JsonArray([.. _interpreter.History(content).Select(entry => Entry(entry, content.Output))]);
        request.Reply(new HistoryReply { History = history });
    }

    private static JsonNode Entry(HistoryEntry entry, bool output) =>
        new JsonArray(entry.Session, entry.Line, output ? new JsonArray(entry.Input, entry.Output) : JsonValue.Create(entry.Input));
}
