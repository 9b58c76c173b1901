using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CSharpKernel.Wire;

namespace CSharpKernel.Tests.Wire;

public sealed class WireCodecTests
{
    private static readonly JsonObject Golden = JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Wire", "Golden", "execute_request.json")))!.AsObject();

    private static List<byte[]> GoldenFrames() =>
        Golden["frames_base64"]!.AsArray().Select(f => Convert.FromBase64String(f!.GetValue<string>())).ToList();

    private static WireCodec GoldenCodec() => new(new MessageSigner(Encoding.UTF8.GetBytes(Golden["key"]!.GetValue<string>())));

    [Test]
    public void A_message_signed_by_jupyter_client_is_accepted_with_its_identity_and_buffers()
    {
        var decoded = GoldenCodec().Decode(GoldenFrames());

        Assert.That(decoded.Error, Is.Null);
        var message = decoded.Message!;
        Assert.That(Encoding.ASCII.GetString(message.Identities.Single()), Is.EqualTo("client-identity"));
        Assert.That(message.MsgType, Is.EqualTo("execute_request"));
        Assert.That(message.Header.MsgId, Is.EqualTo("b7c4f0a2-5e1d-4c8e-9f6a-2d3b1a0e9c77"));
        Assert.That(message.Header.Username, Is.EqualTo("alice"));
        Assert.That(message.ParentHeader, Is.Null);
        Assert.That(message.Content.GetProperty("code").GetString(), Is.EqualTo("6*7"));
        Assert.That(message.Buffers.Single(), Is.EqualTo(new byte[] { 0, 1, (byte)'b', (byte)'i', (byte)'n', (byte)'a', (byte)'r', (byte)'y' }));
    }

    [Test]
    public void A_message_signed_with_another_key_is_dropped()
    {
        var codec = new WireCodec(new MessageSigner("not-the-key"u8.ToArray()));
        Assert.That(codec.Decode(GoldenFrames()).Error, Is.EqualTo("bad signature"));
    }

    [Test]
    public void A_message_whose_content_was_altered_after_signing_is_dropped()
    {
        var frames = GoldenFrames();
        frames[6] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(frames[6]).Replace("6*7", "6*8"));
        Assert.That(GoldenCodec().Decode(frames).Error, Is.EqualTo("bad signature"));
    }

    [Test]
    public void A_replayed_message_is_dropped_the_second_time()
    {
        var codec = GoldenCodec();
        Assert.That(codec.Decode(GoldenFrames()).Error, Is.Null);
        Assert.That(codec.Decode(GoldenFrames()).Error, Is.EqualTo("replayed signature"));
    }

    [Test]
    public void Frames_without_the_delimiter_are_dropped()
    {
        var frames = GoldenFrames();
        frames.RemoveAt(1);
        Assert.That(GoldenCodec().Decode(frames).Error, Does.Contain("delimiter"));
    }

    [Test]
    public void Frames_missing_after_the_delimiter_are_dropped()
    {
        var frames = GoldenFrames().Take(5).ToList();
        Assert.That(GoldenCodec().Decode(frames).Error, Does.Contain("5 needed"));
    }

    [Test]
    public void With_an_empty_key_messages_are_neither_signed_nor_checked()
    {
        var codec = new WireCodec(new MessageSigner([]));
        var frames = Frames(codec, "{\"code\":\"1\"}");
        Assert.That(frames[1], Is.Empty, "empty signature frame");
        Assert.That(codec.Decode(frames).Message!.Content.GetProperty("code").GetString(), Is.EqualTo("1"));
    }

    [Test]
    public void Invalid_json_in_a_signed_message_is_dropped_with_a_reason()
    {
        var codec = new WireCodec(new MessageSigner("k"u8.ToArray()));
        var frames = Frames(codec, "{\"code\": ");
        Assert.That(codec.Decode(frames).Error, Does.StartWith("invalid JSON"));
    }

    [TestCase("msg_id")]
    [TestCase("msg_type")]
    [TestCase("session")]
    [TestCase("username")]
    [TestCase("version")]
    public void A_header_missing_a_field_is_dropped(string field)
    {
        var signer = new MessageSigner("k"u8.ToArray());
        var header = JsonNode.Parse(Encoding.UTF8.GetString(Frames(new WireCodec(signer), "{}")[2]))!.AsObject();
        header.Remove(field);
        var frames = Sign(signer, Encoding.UTF8.GetBytes(header.ToJsonString()), "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray());
        Assert.That(new WireCodec(signer).Decode(frames).Error, Is.EqualTo($"header field '{field}' is missing"));
    }

    [Test]
    public void An_encoded_reply_carries_the_request_identity_parent_header_and_a_valid_signature()
    {
        var codec = GoldenCodec();
        var request = codec.Decode(GoldenFrames()).Message!;
        var reply = request with
        {
            Header = request.Header with { MsgId = "reply-1", MsgType = "execute_reply" },
            ParentHeader = request.Header,
            Buffers = [],
        };
        var frames = codec.Encode(reply, "{\"status\":\"ok\"}"u8.ToArray());

        Assert.That(Encoding.ASCII.GetString(frames[0]), Is.EqualTo("client-identity"));
        Assert.That(Encoding.ASCII.GetString(frames[1]), Is.EqualTo("<IDS|MSG>"));
        var signer = new MessageSigner("golden-key"u8.ToArray());
        Assert.That(signer.Verify(frames[2], frames[3], frames[4], frames[5], frames[6]), Is.True);
        var parent = JsonDocument.Parse(frames[4]).RootElement;
        Assert.That(parent.GetProperty("msg_id").GetString(), Is.EqualTo("b7c4f0a2-5e1d-4c8e-9f6a-2d3b1a0e9c77"));
        Assert.That(GoldenCodec().Decode(frames).Message!.ParentHeader!.MsgId, Is.EqualTo(request.Header.MsgId));
    }

    private static List<byte[]> Frames(WireCodec codec, string content)
    {
        var header = new MessageHeader("id-" + Guid.NewGuid(), "s", "u", "2026-01-01T00:00:00Z", "execute_request", "5.3");
        return codec.Encode(new JupyterMessage([], header, null, default, default, []), Encoding.UTF8.GetBytes(content));
    }

    private static List<byte[]> Sign(MessageSigner signer, byte[] header, byte[] parent, byte[] metadata, byte[] content) =>
        ["<IDS|MSG>"u8.ToArray(), Encoding.ASCII.GetBytes(signer.Sign(header, parent, metadata, content)), header, parent, metadata, content];
}
