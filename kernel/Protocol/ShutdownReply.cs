using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record ShutdownReply : IReplyContent<ShutdownReply>
{
    public static JsonTypeInfo<ShutdownReply> TypeInfo => ProtocolJsonContext.Default.ShutdownReply;

    public string Status { get; init; } = ReplyStatus.Ok;
    public bool Restart { get; init; }
}
