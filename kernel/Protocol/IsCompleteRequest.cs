using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record IsCompleteRequest : IMessageContent<IsCompleteRequest>
{
    public static string MsgType => "is_complete_request";

    public static JsonTypeInfo<IsCompleteRequest> TypeInfo => ProtocolJsonContext.Default.IsCompleteRequest;

    public string Code { get; set; } = "";
}
