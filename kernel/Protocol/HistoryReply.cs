using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record HistoryReply : IReplyContent<HistoryReply>
{
    public static JsonTypeInfo<HistoryReply> TypeInfo => ProtocolJsonContext.Default.HistoryReply;

    public string Status { get; init; } = ReplyStatus.Ok;
    /// <summary>Each entry is [session, line, input] or [session, line, [input, output]].</summary>
    public JsonArray History { get; init; } = [];
}
