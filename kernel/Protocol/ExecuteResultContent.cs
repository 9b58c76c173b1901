using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record ExecuteResultContent(int ExecutionCount, JsonObject Data, JsonObject Metadata) : IMessageContent<ExecuteResultContent>
{
    public static string MsgType => "execute_result";
    public static JsonTypeInfo<ExecuteResultContent> TypeInfo => ProtocolJsonContext.Default.ExecuteResultContent;
}
