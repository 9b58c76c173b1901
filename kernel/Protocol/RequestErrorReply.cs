using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

/// <summary>
/// The reply to a request the kernel could not handle (its content has the wrong shape, or the
/// kernel failed on it): status error, so that the client stops waiting and can show why. An
/// execute_reply carries the execution count even then: jupyter console reads it from every reply.
/// </summary>
internal sealed record RequestErrorReply(string Ename, string Evalue, IReadOnlyList<string> Traceback) : IReplyContent<RequestErrorReply>
{
    public static JsonTypeInfo<RequestErrorReply> TypeInfo => ProtocolJsonContext.Default.RequestErrorReply;

    public string Status => ReplyStatus.Error;
    public int? ExecutionCount { get; init; }
}
