using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record CompleteReply : IReplyContent<CompleteReply>
{
    public static JsonTypeInfo<CompleteReply> TypeInfo => ProtocolJsonContext.Default.CompleteReply;

    public string Status { get; init; } = ReplyStatus.Ok;
    public required IReadOnlyList<string> Matches { get; init; }
    public required int CursorStart { get; init; }
    public required int CursorEnd { get; init; }
    public JsonObject Metadata { get; init; } = [];
}
