using System.Text.Json.Nodes;

namespace CSharpKernel.Protocol;

internal sealed record CommCloseContent(string CommId, JsonObject Data);
