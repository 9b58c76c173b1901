using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CSharpKernel.Protocol;
using CSharpKernel.Wire;

namespace CSharpKernel.Server;

/// <summary>Makes, signs and sends the kernel's messages: replies on a request's channel, side effects on iopub.</summary>
internal sealed class Messenger
{
    public const string ProtocolVersion = "5.4";

    private readonly WireCodec _codec;
    private readonly IFrameSender _iopub;

    public Messenger(WireCodec codec, IFrameSender iopub, string session)
    {
        _codec = codec;
        _iopub = iopub;
        Session = session;
    }

    public string Session { get; }

    public void Reply<T>(IFrameSender channel, JupyterMessage request, string msgType, T content, JsonTypeInfo<T> typeInfo) =>
        channel.Send(Encode(request.Identities, request.Header, msgType, content, typeInfo));

    /// <summary>A message that is not a reply, to the identities of the request it belongs to (stdin's input_request).</summary>
    public void Send<T>(IFrameSender channel, JupyterMessage request, T content) where T : IMessageContent<T> =>
        channel.Send(Encode(request.Identities, request.Header, content));

    /// <summary>On iopub, with the msg_type as its topic.</summary>
    public void Publish<T>(MessageHeader? parent, T content) where T : IMessageContent<T> =>
        _iopub.Send(Encode([System.Text.Encoding.ASCII.GetBytes(T.MsgType)], parent, content));

    public List<byte[]> Encode<T>(IReadOnlyList<byte[]> identities, MessageHeader? parent, T content) where T : IMessageContent<T> =>
        Encode(identities, parent, T.MsgType, content, T.TypeInfo);

    private List<byte[]> Encode<T>(IReadOnlyList<byte[]> identities, MessageHeader? parent, string msgType, T content, JsonTypeInfo<T> typeInfo)
    {
        var message = new JupyterMessage(identities, NewHeader(msgType), parent, default, default, []);
        return _codec.Encode(message, JsonSerializer.SerializeToUtf8Bytes(content, typeInfo));
    }

    private MessageHeader NewHeader(string msgType) => new(
        Guid.NewGuid().ToString(),
        Session,
        "kernel",
        DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        msgType,
        ProtocolVersion);
}
