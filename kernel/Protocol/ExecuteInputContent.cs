using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record ExecuteInputContent(string Code, int ExecutionCount) : IMessageContent<ExecuteInputContent>
{
    public static string MsgType => "execute_input";
    public static JsonTypeInfo<ExecuteInputContent> TypeInfo => ProtocolJsonContext.Default.ExecuteInputContent;
}
