using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

internal sealed record ErrorContent(string Ename, string Evalue, IReadOnlyList<string> Traceback) : IMessageContent<ErrorContent>
{
    public static string MsgType => "error";
    public static JsonTypeInfo<ErrorContent> TypeInfo => ProtocolJsonContext.Default.ErrorContent;
}
