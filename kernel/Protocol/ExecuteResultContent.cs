using System.Text.Json.Nodes;

namespace CSharpKernel.Protocol;

internal sealed record ExecuteResultContent(int ExecutionCount, JsonObject Data, JsonObject Metadata);
