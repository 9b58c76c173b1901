using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

/// <summary>Content of both display_data and update_display_data.</summary>
internal sealed record DisplayDataContent(JsonObject Data, JsonObject Metadata, JsonObject Transient) : IMessageContent<DisplayDataContent>
{
    public static string MsgType => "display_data";

    public static JsonTypeInfo<DisplayDataContent> TypeInfo => ProtocolJsonContext.Default.DisplayDataContent;
}
