using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record InputRequest(string Prompt, bool Password) : IMessageContent<InputRequest>
{
    public static string MsgType => "input_request";
    public static JsonTypeInfo<InputRequest> TypeInfo => ProtocolJsonContext.Default.InputRequest;
}
