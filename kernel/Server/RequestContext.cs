using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CSharpKernel.Protocol;
using CSharpKernel.Wire;

namespace CSharpKernel.Server;

/// <summary>One request being handled: its message, the channel it came on, and how to answer it.</summary>
internal sealed class RequestContext
{
    private readonly Messenger _messenger;
    private object? _content;
    private int _replies;

    public RequestContext(JupyterMessage message, IFrameSender channel, Messenger messenger)
    {
        Message = message;
        Channel = channel;
        _messenger = messenger;
    }

    public JupyterMessage Message { get; }
    public IFrameSender Channel { get; }

    /// <summary>Whether a reply has gone out: a request that failed before its reply still gets one.</summary>
    public bool Replied => Volatile.Read(ref _replies) > 0;

    /// <summary>The reply's msg_type: the request's with "_request" replaced by "_reply".</summary>
    public string ReplyType => Message.MsgType.EndsWith("_request", StringComparison.Ordinal)
        ? Message.MsgType[..^"_request".Length] + "_reply"
        : Message.MsgType + "_reply";

    /// <summary>
    /// The content as the protocol type, read once: a queued request is read before it is queued,
    /// so that content of the wrong shape is answered at once instead of failing on the executor.
    /// </summary>
    public T Content<T>(JsonTypeInfo<T> typeInfo)
    {
        if (_content is T read)
            return read;
        var content = Message.Content.Deserialize(typeInfo) ?? throw new JsonException($"{Message.MsgType} has no content");
        _content = content;
        return content;
    }

    public void Reply<T>(T content) where T : IReplyContent<T>
    {
        Interlocked.Increment(ref _replies);
        _messenger.Reply(Channel, Message, ReplyType, content, T.TypeInfo);
    }

    /// <summary>An iopub side effect of this request, parented to it.</summary>
    public void Publish<T>(T content) where T : IMessageContent<T> =>
        _messenger.Publish(Message.Header, content);

    public void PublishStatus(string state) =>
        Publish(new StatusContent(state));
}
