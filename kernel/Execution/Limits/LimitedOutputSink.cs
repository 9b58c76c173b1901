using System.Text;
using System.Text.Json.Nodes;
using CSharpKernel.Interpreter;

namespace CSharpKernel.Execution;

/// <summary>
/// A cell's sink with a budget of bytes: stream text and display data past it are dropped, and
/// counted. Every output of a cell passes through its context's sink (Console, file descriptors,
/// display, and the threads and tasks it started), so this is the one place the limit is kept.
/// Dropping is cheap and sends nothing: a cell printing in a loop costs the kernel nothing past
/// the limit, and the front end is not flooded. Clearing output does not give the budget back:
/// the limit is on what is sent.
/// </summary>
internal sealed class LimitedOutputSink : IOutputSink
{
    private readonly IOutputSink _inner;
    private readonly long _limit;
    private readonly Lock _lock = new();
    private long _sent;
    private long _dropped;
    private long _reported;

    public LimitedOutputSink(IOutputSink inner, long limit)
    {
        _inner = inner;
        _limit = limit;
    }

    public long Dropped
    {
        get
        {
            lock (_lock)
                return _dropped;
        }
    }

    public void Stream(string name, string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        string? part;
        lock (_lock)
        {
            var room = _limit - _sent;
            if (bytes <= room)
            {
                _sent += bytes;
                part = text;
            }
            else
            {
                part = room > 0 ? Prefix(text, room) : null;
                var kept = part is null ? 0 : Encoding.UTF8.GetByteCount(part);
                _sent = _limit;
                _dropped += bytes - kept;
            }
        }
        if (!string.IsNullOrEmpty(part))
            _inner.Stream(name, part);
    }

    public void DisplayData(JsonObject data, JsonObject metadata, string? displayId, bool update)
    {
        var bytes = SizeOf(data) + SizeOf(metadata);
        lock (_lock)
        {
            if (bytes > _limit - _sent)
            {
                // A display is shown whole or not at all: half an image or half a table is no use.
                _sent = _limit;
                _dropped += bytes;
                return;
            }
            _sent += bytes;
        }
        _inner.DisplayData(data, metadata, displayId, update);
    }

    public void ClearOutput(bool wait) => _inner.ClearOutput(wait);

    /// <summary>Says what was dropped since the last report, if anything; the line itself is not counted against the limit.</summary>
    public void ReportDropped()
    {
        long dropped;
        lock (_lock)
        {
            dropped = _dropped - _reported;
            _reported = _dropped;
        }
        if (dropped > 0)
            _inner.Stream(StreamName.Stderr, LimitErrors.OutputDropped(_limit, dropped) + "\n");
    }

    /// <summary>A notice of the kernel's to the cell's front end, past the limit if need be.</summary>
    public void Notice(string line) => _inner.Stream(StreamName.Stderr, line + "\n");

    /// <summary>The longest start of the text that fits in the bytes, not splitting a surrogate pair.</summary>
    private static string Prefix(string text, long room)
    {
        var encoder = Encoding.UTF8;
        int low = 0, high = (int)Math.Min(text.Length, room);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (encoder.GetByteCount(text.AsSpan(0, middle)) <= room)
                low = middle;
            else
                high = middle - 1;
        }
        if (low > 0 && char.IsHighSurrogate(text[low - 1]))
            low--;
        return text[..low];
    }

    /// <summary>What a bundle weighs on the wire, near enough: its strings' UTF-8 bytes, anything else as JSON.</summary>
    private static long SizeOf(JsonNode? node) => node switch
    {
        null => 4,
        JsonObject o => o.Sum(p => Encoding.UTF8.GetByteCount(p.Key) + SizeOf(p.Value)),
        JsonArray a => a.Sum(SizeOf),
        JsonValue v when v.TryGetValue<string>(out var s) => Encoding.UTF8.GetByteCount(s),
        _ => node.ToJsonString().Length,
    };
}
