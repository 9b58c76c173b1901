using System.Text.Json.Nodes;

namespace CSharpKernel.Protocol;

public sealed record ExecuteResultContent(int ExecutionCount, JsonObject Data, JsonObject Metadata);
