using System.Text.Json.Nodes;
using CSharpKernel.History;
using CSharpKernel.Logging;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

/// <summary>history_request: tail, range or search, each entry [session, line, input] or, with output, [session, line, [input, output]].</summary>
internal sealed class HistoryHandler
{
    private readonly HistoryStore _store;

    public HistoryHandler(HistoryStore store) => _store = store;

    public void Handle(RequestContext request)
    {
        var content = request.Content(ProtocolJsonContext.Default.HistoryRequest);
        IReadOnlyList<HistoryEntry> entries = content.HistAccessType switch
        {
            "tail" => _store.Query(database => database.Tail(content.N)),
            "range" => _store.Query(database => database.Range(content.Session ?? 0, content.Start ?? 0, content.Stop)),
            "search" => _store.Query(database => database.Search(content.Pattern ?? "*", content.N, content.Unique)),
            var other => Unknown(other),
        };
        var history = new JsonArray([.. entries.Select(entry => Entry(entry, content.Output))]);
        request.Reply(new HistoryReply { History = history }, ProtocolJsonContext.Default.HistoryReply);
    }

    private static JsonNode Entry(HistoryEntry entry, bool output) =>
        new JsonArray(entry.Session, entry.Line, output ? new JsonArray(entry.Input, entry.Output) : JsonValue.Create(entry.Input));

    private static IReadOnlyList<HistoryEntry> Unknown(string accessType)
    {
        KernelLog.Warn($"history_request with unknown hist_access_type '{accessType}': answering with no history");
        return [];
    }
}
