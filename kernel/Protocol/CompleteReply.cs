using System.Text.Json.Nodes;

namespace CSharpKernel.Protocol;

internal sealed record CompleteReply
{
    public string Status { get; init; } = ReplyStatus.Ok;
    public required IReadOnlyList<string> Matches { get; init; }
    public required int CursorStart { get; init; }
    public required int CursorEnd { get; init; }
    public JsonObject Metadata { get; init; } = [];
}
