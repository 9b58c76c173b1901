using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record KernelInfoReply : IReplyContent<KernelInfoReply>
{
    public static JsonTypeInfo<KernelInfoReply> TypeInfo => ProtocolJsonContext.Default.KernelInfoReply;

    public string Status { get; init; } = ReplyStatus.Ok;
    public required string ProtocolVersion { get; init; }
    public required string Implementation { get; init; }
    public required string ImplementationVersion { get; init; }
    public required LanguageInfo LanguageInfo { get; init; }
    public required string Banner { get; init; }
    public required IReadOnlyList<HelpLink> HelpLinks { get; init; }
    public bool Debugger { get; init; }
}
