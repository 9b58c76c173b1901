using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record StatusContent(string ExecutionState) : IMessageContent<StatusContent>
{
    public static string MsgType => "status";
    public static JsonTypeInfo<StatusContent> TypeInfo => ProtocolJsonContext.Default.StatusContent;
}
