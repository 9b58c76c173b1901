using System.Text;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;
using CSharpKernel.Wire;

namespace CSharpKernel.Tests.Protocol;

/// <summary>Bad input is logged and dropped; the kernel answers nothing for it and keeps serving.</summary>
public sealed class MalformedMessageTests : KernelFixture
{
    private static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(500);

    [Test]
    public void A_message_with_a_bad_signature_gets_no_reply_and_the_kernel_keeps_serving()
    {
        var frames = Forge("kernel_info_request", "{}", key: "wrong-key");
        Client.SendFrames("shell", frames);
        AssertDroppedAndStillServing("bad signature");
    }

    [Test]
    public void A_message_with_invalid_json_gets_no_reply()
    {
        Client.SendFrames("shell", Forge("execute_request", "{\"code\": \"1+", key: Kernel.Key));
        AssertDroppedAndStillServing("invalid JSON");
    }

    [Test]
    public void A_message_whose_header_lacks_msg_type_gets_no_reply()
    {
        Client.SendFrames("shell", Forge(null, "{}", key: Kernel.Key));
        AssertDroppedAndStillServing("header field 'msg_type' is missing");
    }

    [Test]
    public void A_replayed_message_is_answered_only_once()
    {
        var frames = Forge("kernel_info_request", "{}", key: Kernel.Key);
        Client.SendFrames("shell", frames);
        Client.SendFrames("shell", frames);
        Assert.That(Client.TryReceive("shell", TimeSpan.FromSeconds(10)), Is.Not.Null, "first copy answered");
        AssertDroppedAndStillServing("replayed signature");
    }

    [Test]
    public void An_unknown_message_type_is_logged_and_ignored()
    {
        Client.Send("shell", "no_such_request", new JsonObject());
        AssertDroppedAndStillServing("unknown message type 'no_such_request'");
    }

    [Test]
    public void Garbage_frames_without_a_delimiter_are_dropped()
    {
        Client.SendFrames("shell", [[1, 2, 3], "not a message"u8.ToArray()]);
        AssertDroppedAndStillServing("no <IDS|MSG> delimiter");
    }

    [Test]
    public void An_execute_whose_code_holds_a_lone_surrogate_gets_an_error_reply_and_the_kernel_goes_on()
    {
        var id = Client.SendRaw("shell", "execute_request",
            """{"code": "var s = \"\ud800\";", "silent": false, "store_history": true, "user_expressions": {}, "allow_stdin": false}"""u8.ToArray());
        var result = Client.Collect(id, TimeSpan.FromSeconds(30));
        AssertReadableError(result.Reply, "execute_reply");
        Assert.That(result.Reply.Content.TryGetProperty("execution_count", out _), Is.True, "jupyter console reads execution_count from every execute_reply");
        Assert.That(result.Iopub.First().Str("execution_state"), Is.EqualTo("busy"));
        Assert.That(Client.Execute("6 * 7").Result, Is.EqualTo("42"));
    }

    [TestCase("execute_request", """{"code": 42}""")]
    [TestCase("execute_request", """{"code": "1", "silent": "no"}""")]
    [TestCase("execute_request", """{"code": "1", "user_expressions": []}""")]
    [TestCase("complete_request", """{"code": "Cons", "cursor_pos": "4"}""")]
    [TestCase("complete_request", """{"code": ["Cons"], "cursor_pos": 4}""")]
    [TestCase("inspect_request", """{"code": "Console", "cursor_pos": 3, "detail_level": "high"}""")]
    [TestCase("is_complete_request", """{"code": {"a": 1}}""")]
    [TestCase("history_request", """{"hist_access_type": 3, "output": false, "raw": true}""")]
    [TestCase("history_request", """{"hist_access_type": "tail", "n": "ten"}""")]
    [TestCase("shutdown_request", """{"restart": "yes"}""")]
    public void A_request_with_a_wrongly_typed_field_gets_an_error_reply_inside_busy_and_idle(string msgType, string content)
    {
        var id = Client.SendRaw("shell", msgType, System.Text.Encoding.UTF8.GetBytes(content));
        var reply = Client.WaitForReply("shell", id, TimeSpan.FromSeconds(30));
        AssertReadableError(reply, msgType.Replace("_request", "_reply"));
        var states = Client.IopubUntilIdle(id).Where(m => m.MsgType == "status").Select(m => m.Str("execution_state"));
        Assert.That(states, Is.EqualTo(new[] { "busy", "idle" }));
        Assert.That(Client.Request("kernel_info_request", new JsonObject()).MsgType, Is.EqualTo("kernel_info_reply"), "the kernel goes on");
    }

    private static void AssertReadableError(ReceivedMessage reply, string msgType)
    {
        Assert.That(reply.MsgType, Is.EqualTo(msgType));
        Assert.That(reply.Str("status"), Is.EqualTo("error"));
        Assert.That(reply.Str("ename"), Is.Not.Empty);
        Assert.That(reply.Str("evalue"), Does.Contain(msgType.Replace("_reply", "_request")));
    }

    private void AssertDroppedAndStillServing(string logged)
    {
        Assert.That(Client.TryReceive("shell", Silence), Is.Null, "no reply to a dropped message");
        var reply = Client.Request("kernel_info_request", new JsonObject());
        Assert.That(reply.MsgType, Is.EqualTo("kernel_info_reply"));
        Assert.That(Kernel.Stderr, Does.Contain(logged));
    }

    private static List<byte[]> Forge(string? msgType, string content, string key)
    {
        var header = new JsonObject
        {
            ["msg_id"] = Guid.NewGuid().ToString(),
            ["session"] = "forger",
            ["username"] = "test",
            ["date"] = DateTime.UtcNow.ToString("o"),
            ["version"] = "5.3",
        };
        if (msgType is not null)
            header["msg_type"] = msgType;
        var frames = new[] { Encoding.UTF8.GetBytes(header.ToJsonString()), "{}"u8.ToArray(), "{}"u8.ToArray(), Encoding.UTF8.GetBytes(content) };
        var signature = new MessageSigner(Encoding.UTF8.GetBytes(key)).Sign(frames[0], frames[1], frames[2], frames[3]);
        return ["<IDS|MSG>"u8.ToArray(), Encoding.ASCII.GetBytes(signature), .. frames];
    }
}
