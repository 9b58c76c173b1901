using System.Diagnostics;
using CSharpKernel.Wire;

namespace CSharpKernel.Tests.Server;

/// <summary>
/// Every message the server sent, on every channel, in the one order they were handed over: a
/// reply on shell and a status on iopub can be told apart in time, as a client cannot.
/// </summary>
internal sealed class SentLog
{
    private readonly WireCodec _codec;
    private readonly List<SentMessage> _messages = [];

    public SentLog(WireCodec codec) => _codec = codec;

    public void Add(string channel, List<byte[]> frames)
    {
        var decoded = _codec.Decode(frames);
        var message = decoded.Message ?? throw new InvalidDataException($"the server sent a bad message on {channel}: {decoded.Error}");
        lock (_messages)
        {
            _messages.Add(new SentMessage(channel, message));
            Monitor.PulseAll(_messages);
        }
    }

    public IReadOnlyList<SentMessage> All
    {
        get
        {
            lock (_messages)
                return [.. _messages];
        }
    }

    /// <summary>Waits until a sent message matches; throws with what was sent when none does in time.</summary>
    public SentMessage WaitFor(Func<SentMessage, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        lock (_messages)
        {
            while (true)
            {
                if (_messages.FirstOrDefault(match) is { } found)
                    return found;
                var remaining = timeout - clock.Elapsed;
                if (remaining <= TimeSpan.Zero)
                    throw new TimeoutException($"not sent within {timeout}; sent: {string.Join("; ", _messages)}");
                Monitor.Wait(_messages, remaining);
            }
        }
    }
}
