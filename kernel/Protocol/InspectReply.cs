using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record InspectReply : IReplyContent<InspectReply>
{
    public static JsonTypeInfo<InspectReply> TypeInfo => ProtocolJsonContext.Default.InspectReply;

    public string Status { get; init; } = ReplyStatus.Ok;
    public required bool Found { get; init; }
    public JsonObject Data { get; init; } = [];
    public JsonObject Metadata { get; init; } = [];
}
