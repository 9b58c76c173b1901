using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record CommInfoRequest : IMessageContent<CommInfoRequest>
{
    public static string MsgType => "comm_info_request";

    public static JsonTypeInfo<CommInfoRequest> TypeInfo => ProtocolJsonContext.Default.CommInfoRequest;

    public string? TargetName { get; set; }
}
