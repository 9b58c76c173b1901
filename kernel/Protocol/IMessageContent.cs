using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

/// <summary>
/// The content of a message that is not a reply (iopub's, stdin's input_request): it names its
/// msg_type once, here, and knows how it is written, so that a call reads <c>Publish(new ExecuteInputContent(...))</c>.
/// </summary>
internal interface IMessageContent<TSelf> where TSelf : IMessageContent<TSelf>
{
    static abstract string MsgType { get; }
    static abstract JsonTypeInfo<TSelf> TypeInfo { get; }
}
