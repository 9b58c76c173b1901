using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record ClearOutputContent(bool Wait) : IMessageContent<ClearOutputContent>
{
    public static string MsgType => "clear_output";
    public static JsonTypeInfo<ClearOutputContent> TypeInfo => ProtocolJsonContext.Default.ClearOutputContent;
}
