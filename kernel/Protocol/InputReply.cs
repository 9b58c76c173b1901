using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record InputReply : IMessageContent<InputReply>
{
    public static string MsgType => "input_reply";

    public static JsonTypeInfo<InputReply> TypeInfo => ProtocolJsonContext.Default.InputReply;

    public string Value { get; set; } = "";
}
