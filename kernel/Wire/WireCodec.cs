using System.Text;
using System.Text.Json;

namespace CSharpKernel.Wire;

/// <summary>Frames to messages and back: routing ids, the delimiter, the signature, four JSON frames, buffers.</summary>
internal sealed class WireCodec
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();
    private static readonly string[] RequiredHeaderFields = ["msg_id", "session", "username", "msg_type", "version"];

    private readonly MessageSigner _signer;
    private readonly ReplayGuard _replays = new();

    public WireCodec(MessageSigner signer) => _signer = signer;

    public DecodeResult Decode(IReadOnlyList<byte[]> frames)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter.Bytes))
            {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0)
            return DecodeResult.Dropped("no <IDS|MSG> delimiter");
        if (frames.Count < delimiter + 6)
            return DecodeResult.Dropped($"{frames.Count - delimiter - 1} frames after the delimiter, 5 needed");

        var signature = frames[delimiter + 1];
        var header = frames[delimiter + 2];
        var parent = frames[delimiter + 3];
        var metadata = frames[delimiter + 4];
        var content = frames[delimiter + 5];

        if (!_signer.Verify(signature, header, parent, metadata, content))
            return DecodeResult.Dropped("bad signature");
        if (_signer.IsSigning && !_replays.TryRecord(signature))
            return DecodeResult.Dropped("replayed signature");

        try
        {
            var parsedHeader = ParseHeader(header, required: true)!;
            var parsedParent = ParseHeader(parent, required: false);
            var identities = frames.Take(delimiter).ToArray();
            var buffers = frames.Skip(delimiter + 6).ToArray();
            return DecodeResult.Ok(new JupyterMessage(identities, parsedHeader, parsedParent, ParseObject(metadata), ParseObject(content), buffers));
        }
        catch (JsonException e)
        {
            return DecodeResult.Dropped("invalid JSON: " + e.Message);
        }
        catch (InvalidDataException e)
        {
            return DecodeResult.Dropped(e.Message);
        }
    }

    public List<byte[]> Encode(JupyterMessage message, byte[] contentJson, byte[]? metadataJson = null)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(message.Header, WireJsonContext.Default.MessageHeader);
        var parent = message.ParentHeader is null
            ? EmptyObject
            : JsonSerializer.SerializeToUtf8Bytes(message.ParentHeader, WireJsonContext.Default.MessageHeader);
        var metadata = metadataJson ?? EmptyObject;
        var signature = _signer.Sign(header, parent, metadata, contentJson);

        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter.Bytes.ToArray());
        frames.Add(Encoding.ASCII.GetBytes(signature));
        frames.Add(header);
        frames.Add(parent);
        frames.Add(metadata);
        frames.Add(contentJson);
        frames.AddRange(message.Buffers);
        return frames;
    }

    private static MessageHeader? ParseHeader(byte[] json, bool required)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException("header is not a JSON object");
        foreach (var field in RequiredHeaderFields)
        {
            if (root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
                continue;
            // A parent header is only echoed back, so an incomplete one is treated as absent.
            if (!required)
                return null;
            throw new InvalidDataException($"header field '{field}' is missing");
        }
        return new MessageHeader(
            root.GetProperty("msg_id").GetString()!,
            root.GetProperty("session").GetString()!,
            root.GetProperty("username").GetString()!,
            root.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String ? date.GetString()! : "",
            root.GetProperty("msg_type").GetString()!,
            root.GetProperty("version").GetString()!);
    }

    private static JsonElement ParseObject(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException("frame is not a JSON object");
        return document.RootElement.Clone();
    }
}
