using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record ShutdownRequest : IMessageContent<ShutdownRequest>
{
    public static string MsgType => "shutdown_request";

    public static JsonTypeInfo<ShutdownRequest> TypeInfo => ProtocolJsonContext.Default.ShutdownRequest;

    public bool Restart { get; set; }
}
