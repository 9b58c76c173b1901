using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record CommOpenContent : IMessageContent<CommOpenContent>
{
    public static string MsgType => "comm_open";

    public static JsonTypeInfo<CommOpenContent> TypeInfo => ProtocolJsonContext.Default.CommOpenContent;

    public string CommId { get; set; } = "";
    public string TargetName { get; set; } = "";
}
