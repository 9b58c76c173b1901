using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

/// <summary>update_display_data: replaces every output shown under transient.display_id, which it requires.</summary>
internal sealed record UpdateDisplayDataContent(JsonObject Data, JsonObject Metadata, JsonObject Transient) : IMessageContent<UpdateDisplayDataContent>
{
    public static string MsgType => "update_display_data";
    public static JsonTypeInfo<UpdateDisplayDataContent> TypeInfo => ProtocolJsonContext.Default.UpdateDisplayDataContent;
}
