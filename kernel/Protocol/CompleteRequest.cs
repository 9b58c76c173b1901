using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record CompleteRequest : IMessageContent<CompleteRequest>
{
    public static string MsgType => "complete_request";

    public static JsonTypeInfo<CompleteRequest> TypeInfo => ProtocolJsonContext.Default.CompleteRequest;

    public string Code { get; set; } = "";
    public int CursorPos { get; set; }
}
