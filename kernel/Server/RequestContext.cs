using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CSharpKernel.Protocol;
using CSharpKernel.Wire;

namespace CSharpKernel.Server;

/// <summary>One request being handled: its message, the channel it came on, and how to answer it.</summary>
public sealed class RequestContext
{
    private readonly Messenger _messenger;

    public RequestContext(JupyterMessage message, SocketLoop channel, Messenger messenger)
    {
        Message = message;
        Channel = channel;
        _messenger = messenger;
    }

    public JupyterMessage Message { get; }
    public SocketLoop Channel { get; }

    /// <summary>The reply's msg_type: the request's with "_request" replaced by "_reply".</summary>
    public string ReplyType => Message.MsgType.EndsWith("_request", StringComparison.Ordinal)
        ? Message.MsgType[..^"_request".Length] + "_reply"
        : Message.MsgType + "_reply";

    public T Content<T>(JsonTypeInfo<T> typeInfo) =>
        Message.Content.Deserialize(typeInfo) ?? throw new JsonException($"{Message.MsgType} has no content");

    public void Reply<T>(T content, JsonTypeInfo<T> typeInfo) =>
        _messenger.Reply(Channel, Message, ReplyType, content, typeInfo);

    public void Publish<T>(string msgType, T content, JsonTypeInfo<T> typeInfo) =>
        _messenger.Publish(Message.Header, msgType, content, typeInfo);

    public void PublishStatus(string state) =>
        Publish("status", new StatusContent(state), ProtocolJsonContext.Default.StatusContent);
}
