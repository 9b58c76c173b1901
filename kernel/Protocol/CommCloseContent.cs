using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record CommCloseContent(string CommId, JsonObject Data) : IMessageContent<CommCloseContent>
{
    public static string MsgType => "comm_close";
    public static JsonTypeInfo<CommCloseContent> TypeInfo => ProtocolJsonContext.Default.CommCloseContent;
}
