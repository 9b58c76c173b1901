using System.Text.Json.Nodes;

namespace CSharpKernel.Protocol;

internal sealed record HistoryReply
{
    public string Status { get; init; } = ReplyStatus.Ok;
    /// <summary>Each entry is [session, line, input] or [session, line, [input, output]].</summary>
    public JsonArray History { get; init; } = [];
}
