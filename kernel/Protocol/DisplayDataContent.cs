using System.Text.Json.Nodes;

namespace CSharpKernel.Protocol;

/// <summary>Content of both display_data and update_display_data.</summary>
internal sealed record DisplayDataContent(JsonObject Data, JsonObject Metadata, JsonObject Transient);
