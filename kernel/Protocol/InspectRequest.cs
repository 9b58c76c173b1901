using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record InspectRequest : IMessageContent<InspectRequest>
{
    public static string MsgType => "inspect_request";

    public static JsonTypeInfo<InspectRequest> TypeInfo => ProtocolJsonContext.Default.InspectRequest;

    public string Code { get; set; } = "";
    public int CursorPos { get; set; }
    public int DetailLevel { get; set; }
}
