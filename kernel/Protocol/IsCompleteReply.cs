using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record IsCompleteReply : IMessageContent<IsCompleteReply>
{
    public static string MsgType => "is_complete_reply";

    public static JsonTypeInfo<IsCompleteReply> TypeInfo => ProtocolJsonContext.Default.IsCompleteReply;

    public required string Status { get; init; }
    public string? Indent { get; init; }
}
