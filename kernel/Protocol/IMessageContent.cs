using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

/// <summary>
/// A message's content that knows its msg_type and how it is read and written, once, here: a
/// caller publishes or replies with the record alone and cannot pair it with the wrong type name.
/// </summary>
internal interface IMessageContent<TSelf> where TSelf : IMessageContent<TSelf>
{
    static abstract string MsgType { get; }

    static abstract JsonTypeInfo<TSelf> TypeInfo { get; }
}
