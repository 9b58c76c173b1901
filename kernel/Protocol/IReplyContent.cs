using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

/// <summary>
/// A reply's content, which knows how it is written. Its msg_type is its request's, with
/// "_request" made "_reply": one error reply serves every request that fails.
/// </summary>
internal interface IReplyContent<TSelf> where TSelf : IReplyContent<TSelf>
{
    static abstract JsonTypeInfo<TSelf> TypeInfo { get; }
}
