using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

/// <summary>display_data: a new output; transient.display_id names it for later updates.</summary>
internal sealed record DisplayDataContent(JsonObject Data, JsonObject Metadata, JsonObject Transient) : IMessageContent<DisplayDataContent>
{
    public static string MsgType => "display_data";
    public static JsonTypeInfo<DisplayDataContent> TypeInfo => ProtocolJsonContext.Default.DisplayDataContent;
}
