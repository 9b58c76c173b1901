using System.Text;
using System.Text.Json.Nodes;
using CSharpKernel.Wire;

namespace CSharpKernel.Tests.Faults;

/// <summary>
/// A seeded source of hostile messages: bad and missing signatures, replays, missing delimiters,
/// invalid JSON, wrongly typed fields, unknown types, huge frames, with some well-formed requests
/// among them. The same seed gives the same sequence, so a failure can be replayed.
/// </summary>
public sealed class HostileFrames
{
    private static readonly string[] ShellRequests = ["kernel_info_request", "is_complete_request", "comm_info_request", "history_request"];

    /// <summary>For each request type, fields and values of a JSON kind the spec does not allow there.</summary>
    private static readonly (string MsgType, string Channel, string Field, string[] Values)[] WrongTypes =
    [
        ("execute_request", "shell", "code", ["42", "[]", "{}", "true"]),
        ("execute_request", "shell", "silent", ["\"no\"", "1", "[]"]),
        ("execute_request", "shell", "user_expressions", ["[]", "\"x\"", "5"]),
        ("complete_request", "shell", "cursor_pos", ["\"4\"", "1.5", "[]", "null"]),
        ("complete_request", "shell", "code", ["7", "[\"Cons\"]"]),
        ("inspect_request", "shell", "detail_level", ["\"high\"", "{}"]),
        ("is_complete_request", "shell", "code", ["{\"a\":1}", "3"]),
        ("history_request", "shell", "hist_access_type", ["3", "[]"]),
        ("history_request", "shell", "n", ["\"ten\"", "{}"]),
        ("shutdown_request", "control", "restart", ["\"yes\"", "1", "[]", "null"]),
        ("shutdown_request", "shell", "restart", ["{}", "\"no\""]),
    ];

    private readonly Random _random;
    private readonly MessageSigner _signer;
    private readonly MessageSigner _wrongSigner = new("not-the-key"u8.ToArray());
    private readonly List<HostileFrame> _sentSigned = [];

    public HostileFrames(int seed, string key)
    {
        _random = new Random(seed);
        _signer = new MessageSigner(Encoding.UTF8.GetBytes(key));
    }

    public HostileFrame Next()
    {
        var frame = _random.Next(10) switch
        {
            0 => BadSignature(),
            1 => MissingSignature(),
            2 when _sentSigned.Count > 0 => Replay(),
            3 => NoDelimiter(),
            4 => InvalidJson(),
            5 or 6 => WrongType(),
            7 => Unknown(),
            8 when _random.Next(4) == 0 => Huge(),
            _ => WellFormed(),
        };
        if (frame.Answered)
            _sentSigned.Add(frame);
        return frame;
    }

    private HostileFrame WellFormed()
    {
        var msgType = Pick(ShellRequests);
        var content = msgType switch
        {
            "is_complete_request" => new JsonObject { ["code"] = Pick(["if (true) {", "1+1", "int x = ;", "\"\\u00e9"]) },
            "history_request" => new JsonObject { ["hist_access_type"] = "tail", ["n"] = 3, ["output"] = false, ["raw"] = true },
            _ => new JsonObject(),
        };
        var channel = msgType == "kernel_info_request" && _random.Next(2) == 0 ? "control" : "shell";
        return Signed("well-formed", channel, msgType, content.ToJsonString(), answered: true);
    }

    private HostileFrame WrongType()
    {
        var (msgType, channel, field, values) = WrongTypes[_random.Next(WrongTypes.Length)];
        var content = $"{{\"{field}\": {Pick(values)}}}";
        return Signed("wrong type", channel, msgType, content, answered: true);
    }

    private HostileFrame Unknown() =>
        Signed("unknown type", PickChannel(), Pick(["no_such_request", "execute_reply", "status", "debug_request", ""]) , "{}", answered: false);

    private HostileFrame InvalidJson() =>
        Signed("invalid JSON", PickChannel(), Pick(ShellRequests), Pick(["{\"code\": \"1+", "[1, 2", "not json", "{\"a\":}", "\"string\""]), answered: false);

    private HostileFrame BadSignature()
    {
        var (header, msgId) = Header(Pick(ShellRequests));
        var parts = new[] { header, "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray() };
        var signature = _random.Next(2) == 0
            ? _wrongSigner.Sign(parts[0], parts[1], parts[2], parts[3])
            : new string('a', 64);
        return new HostileFrame("bad signature", PickChannel(), Assemble(signature, parts), msgId, false);
    }

    private HostileFrame MissingSignature()
    {
        var (header, msgId) = Header(Pick(ShellRequests));
        var parts = new[] { header, "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray() };
        var frames = _random.Next(2) == 0
            ? Assemble("", parts)
            : ["<IDS|MSG>"u8.ToArray(), .. parts];
        return new HostileFrame("missing signature", PickChannel(), frames, msgId, false);
    }

    /// <summary>An exact copy of a signed message already sent: answered once, the first time.</summary>
    private HostileFrame Replay()
    {
        var original = _sentSigned[_random.Next(_sentSigned.Count)];
        return new HostileFrame("replay", original.Channel, original.Frames, original.MsgId, false);
    }

    private HostileFrame NoDelimiter()
    {
        var frames = Enumerable.Range(0, _random.Next(1, 7)).Select(_ => RandomBytes(_random.Next(0, 64))).ToArray();
        return new HostileFrame("no delimiter", PickChannel(), frames, null, false);
    }

    private HostileFrame Huge()
    {
        var (header, msgId) = Header("is_complete_request");
        var content = RandomBytes(_random.Next(1, 4) * 1024 * 1024);
        var parts = new[] { header, "{}"u8.ToArray(), "{}"u8.ToArray(), content };
        // Signed with the wrong key: a huge frame must cost the kernel only its signature check.
        var signature = _wrongSigner.Sign(parts[0], parts[1], parts[2], parts[3]);
        return new HostileFrame("huge frame", PickChannel(), Assemble(signature, parts), msgId, false);
    }

    private HostileFrame Signed(string kind, string channel, string msgType, string content, bool answered)
    {
        var (header, msgId) = Header(msgType);
        var parts = new[] { header, "{}"u8.ToArray(), "{}"u8.ToArray(), Encoding.UTF8.GetBytes(content) };
        return new HostileFrame(kind, channel, Assemble(_signer.Sign(parts[0], parts[1], parts[2], parts[3]), parts), msgId, answered);
    }

    private (byte[] Header, string MsgId) Header(string msgType)
    {
        var msgId = Guid.NewGuid().ToString();
        var header = new JsonObject
        {
            ["msg_id"] = msgId,
            ["session"] = "fuzzer",
            ["username"] = "fuzz",
            ["date"] = DateTime.UtcNow.ToString("o"),
            ["msg_type"] = msgType,
            ["version"] = "5.3",
        };
        return (Encoding.UTF8.GetBytes(header.ToJsonString()), msgId);
    }

    private static List<byte[]> Assemble(string signature, byte[][] parts) =>
        ["<IDS|MSG>"u8.ToArray(), Encoding.ASCII.GetBytes(signature), .. parts];

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string PickChannel() => _random.Next(3) == 0 ? "control" : "shell";

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
