using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record CommInfoReply : IMessageContent<CommInfoReply>
{
    public static string MsgType => "comm_info_reply";

    public static JsonTypeInfo<CommInfoReply> TypeInfo => ProtocolJsonContext.Default.CommInfoReply;

    public string Status { get; init; } = ReplyStatus.Ok;
    public Dictionary<string, CommInfo> Comms { get; init; } = [];
}
