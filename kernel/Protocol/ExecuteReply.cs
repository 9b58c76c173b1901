using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record ExecuteReply : IReplyContent<ExecuteReply>
{
    public static JsonTypeInfo<ExecuteReply> TypeInfo => ProtocolJsonContext.Default.ExecuteReply;

    public required string Status { get; init; }
    public required int ExecutionCount { get; init; }
    public Dictionary<string, JsonNode?> UserExpressions { get; init; } = [];
    public List<JsonNode> Payload { get; init; } = [];
    public string? Ename { get; init; }
    public string? Evalue { get; init; }
    public IReadOnlyList<string>? Traceback { get; init; }
}
