using CSharpKernel.Logging;
using CSharpKernel.Protocol;
using CSharpKernel.Wire;

namespace CSharpKernel.Server;

/// <summary>
/// Turns frames from one channel into requests and hands each to its handler. busy and idle are
/// published here and nowhere else, around every request, whether handled at once or queued.
/// </summary>
public sealed class Dispatcher
{
    private readonly string _channelName;
    private readonly WireCodec _codec;
    private readonly Messenger _messenger;
    private readonly IReadOnlyDictionary<string, Handler> _handlers;

    public Dispatcher(string channelName, WireCodec codec, Messenger messenger, IReadOnlyDictionary<string, Handler> handlers)
    {
        _channelName = channelName;
        _codec = codec;
        _messenger = messenger;
        _handlers = handlers;
    }

    /// <summary>A way to handle one msg_type; a queued handler runs later on the executor.</summary>
    public sealed record Handler(Action<RequestContext> Handle, Action<Action>? Queue = null);

    public void OnFrames(SocketLoop channel, List<byte[]> frames)
    {
        var decoded = _codec.Decode(frames);
        if (decoded.Message is not { } message)
        {
            KernelLog.Warn($"{_channelName}: dropped a message: {decoded.Error}");
            return;
        }
        var request = new RequestContext(message, channel, _messenger);
        if (!_handlers.TryGetValue(message.MsgType, out var handler))
        {
            KernelLog.Warn($"{_channelName}: unknown message type '{message.MsgType}' ignored");
            return;
        }
        KernelLog.Debug($"{_channelName}: {message.MsgType} {message.Header.MsgId}");
        if (handler.Queue is { } queue)
            queue(() => Handle(request, handler));
        else
            Handle(request, handler);
    }

    private void Handle(RequestContext request, Handler handler)
    {
        request.PublishStatus(ExecutionState.Busy);
        try
        {
            handler.Handle(request);
        }
        catch (Exception exception)
        {
            KernelLog.Warn($"{_channelName}: {request.Message.MsgType} failed: {exception}");
        }
        finally
        {
            request.PublishStatus(ExecutionState.Idle);
        }
    }
}
