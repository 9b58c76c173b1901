using System.Text.Json.Nodes;

namespace CSharpKernel.Protocol;

internal sealed record InspectReply
{
    public string Status { get; init; } = ReplyStatus.Ok;
    public required bool Found { get; init; }
    public JsonObject Data { get; init; } = [];
    public JsonObject Metadata { get; init; } = [];
}
