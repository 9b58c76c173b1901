using System.Text.Json.Nodes;

namespace CSharpKernel.Protocol;

public sealed record CommCloseContent(string CommId, JsonObject Data);
