using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record StreamOutput(string Name, string Text) : IMessageContent<StreamOutput>
{
    public static string MsgType => "stream";
    public static JsonTypeInfo<StreamOutput> TypeInfo => ProtocolJsonContext.Default.StreamOutput;
}
