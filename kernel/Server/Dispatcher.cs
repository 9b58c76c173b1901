using CSharpKernel.Logging;
using CSharpKernel.Protocol;
using CSharpKernel.Wire;

namespace CSharpKernel.Server;

/// <summary>
/// Turns frames from one channel into requests and hands each to its handler. busy and idle are
/// published here and nowhere else, around every request, whether handled at once or queued.
/// Every request that is signed and parses gets a reply: when its handler fails before replying,
/// an error reply says why.
/// </summary>
internal sealed class Dispatcher
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

    /// <summary>
    /// A way to handle one msg_type. A queued handler runs later on the executor; its Read runs
    /// first, on the channel's thread, so that a request it cannot read is answered at once.
    /// ExecutionCount, when given, goes into an error reply (execute_reply always carries one).
    /// </summary>
    public sealed record Handler(Action<RequestContext> Handle, Action<Action>? Queue = null,
        Action<RequestContext>? Read = null, Func<int>? ExecutionCount = null);

    public void OnFrames(IFrameSender channel, List<byte[]> frames)
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
        if (handler.Queue is not { } queue)
            Handle(request, handler);
        else if (TryRead(request, handler))
            queue(() => Handle(request, handler));
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
            Fail(request, handler, exception);
        }
        finally
        {
            request.PublishStatus(ExecutionState.Idle);
        }
    }

    /// <summary>A request that cannot be read is answered now, inside its own busy and idle, and never queued.</summary>
    private bool TryRead(RequestContext request, Handler handler)
    {
        try
        {
            handler.Read?.Invoke(request);
            return true;
        }
        catch (Exception exception)
        {
            request.PublishStatus(ExecutionState.Busy);
            Fail(request, handler, exception);
            request.PublishStatus(ExecutionState.Idle);
            return false;
        }
    }

    private void Fail(RequestContext request, Handler handler, Exception exception)
    {
        KernelLog.Warn($"{_channelName}: {request.Message.MsgType} failed: {exception}");
        // Only requests have replies; a failed comm message or other notice is only logged.
        if (request.Replied || !request.Message.MsgType.EndsWith("_request", StringComparison.Ordinal))
            return;
        var ename = exception.GetType().Name;
        var evalue = $"the kernel could not handle this {request.Message.MsgType}: {exception.Message}";
        var reply = new RequestErrorReply(ename, evalue, [$"{ename}: {evalue}"])
        {
            ExecutionCount = handler.ExecutionCount?.Invoke(),
        };
        request.Reply(reply);
    }
}
