using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record InterruptReply : IReplyContent<InterruptReply>
{
    public static JsonTypeInfo<InterruptReply> TypeInfo => ProtocolJsonContext.Default.InterruptReply;

    public string Status { get; init; } = ReplyStatus.Ok;
}
