using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record InterruptReply : IMessageContent<InterruptReply>
{
    public static string MsgType => "interrupt_reply";

    public static JsonTypeInfo<InterruptReply> TypeInfo => ProtocolJsonContext.Default.InterruptReply;

    public string Status { get; init; } = ReplyStatus.Ok;
}
