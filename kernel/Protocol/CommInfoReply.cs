using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record CommInfoReply : IReplyContent<CommInfoReply>
{
    public static JsonTypeInfo<CommInfoReply> TypeInfo => ProtocolJsonContext.Default.CommInfoReply;

    public string Status { get; init; } = ReplyStatus.Ok;
    public Dictionary<string, CommInfo> Comms { get; init; } = [];
}
