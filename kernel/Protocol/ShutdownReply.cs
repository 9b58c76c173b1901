using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record ShutdownReply : IMessageContent<ShutdownReply>
{
    public static string MsgType => "shutdown_reply";

    public static JsonTypeInfo<ShutdownReply> TypeInfo => ProtocolJsonContext.Default.ShutdownReply;

    public string Status { get; init; } = ReplyStatus.Ok;
    public bool Restart { get; init; }
}
