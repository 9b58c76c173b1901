using CSharpKernel.Logging;
using CSharpKernel.Wire;

namespace CSharpKernel.Server;

/// <summary>
/// Pairs input_reply messages arriving on the stdin channel with the one input_request waiting
/// for them. Only the executor asks for input, so at most one request is pending at a time.
/// </summary>
internal sealed class StdinBroker
{
    private readonly WireCodec _codec;
    private readonly Lock _lock = new();
    private TaskCompletionSource<string>? _pending;

    public StdinBroker(WireCodec codec) => _codec = codec;

    /// <summary>Registers the wait before the request is sent, so a fast reply is never missed.</summary>
    public Task<string> Expect()
    {
        var pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
            _pending = pending;
        return pending.Task;
    }

    public void Abandon()
    {
        lock (_lock)
            _pending = null;
    }

    /// <summary>Called on the stdin thread for every message the front end sends there.</summary>
    public void OnFrames(List<byte[]> frames)
    {
        var decoded = _codec.Decode(frames);
        if (decoded.Message is not { } message)
        {
            KernelLog.Warn($"stdin: dropped a message: {decoded.Error}");
            return;
        }
        if (message.MsgType != "input_reply")
        {
            KernelLog.Warn($"stdin: unexpected message type '{message.MsgType}' ignored");
            return;
        }
        var value = message.Content.TryGetProperty("value", out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString()! : "";
        TaskCompletionSource<string>? pending;
        lock (_lock)
        {
            pending = _pending;
            _pending = null;
        }
        if (pending is null)
            KernelLog.Warn("stdin: an input_reply came when no input was requested");
        else
            pending.TrySetResult(value);
    }
}
