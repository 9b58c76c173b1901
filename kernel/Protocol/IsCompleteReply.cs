using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record IsCompleteReply : IReplyContent<IsCompleteReply>
{
    public static JsonTypeInfo<IsCompleteReply> TypeInfo => ProtocolJsonContext.Default.IsCompleteReply;

    public required string Status { get; init; }
    public string? Indent { get; init; }
}
