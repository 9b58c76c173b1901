using System.Text.Json;
using System.Text.Json.Nodes;
using CSharpKernel.Protocol;

namespace CSharpKernel.Tests.ProtocolJson;

/// <summary>The JSON of each message content, field by field, as the spec names them.</summary>
public sealed class MessageJsonTests
{
    private static string Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        JsonSerializer.Serialize(value, info);

    [Test]
    public void An_ok_execute_reply_has_no_error_fields()
    {
        var json = Json(new ExecuteReply { Status = ReplyStatus.Ok, ExecutionCount = 3 }, ProtocolJsonContext.Default.ExecuteReply);
        Assert.That(json, Is.EqualTo("{\"status\":\"ok\",\"execution_count\":3,\"user_expressions\":{},\"payload\":[]}"));
    }

    [Test]
    public void An_error_execute_reply_has_ename_evalue_and_traceback()
    {
        var json = Json(new ExecuteReply { Status = ReplyStatus.Error, ExecutionCount = 1, Ename = "E", Evalue = "v", Traceback = ["t"] },
            ProtocolJsonContext.Default.ExecuteReply);
        Assert.That(json, Is.EqualTo("{\"status\":\"error\",\"execution_count\":1,\"user_expressions\":{},\"payload\":[],\"ename\":\"E\",\"evalue\":\"v\",\"traceback\":[\"t\"]}"));
    }

    [Test]
    public void An_execute_request_missing_optional_fields_takes_the_spec_defaults()
    {
        var request = JsonSerializer.Deserialize("{\"code\":\"1\"}", ProtocolJsonContext.Default.ExecuteRequest)!;
        Assert.That(request, Is.EqualTo(new ExecuteRequest { Code = "1" }).Using<ExecuteRequest>((a, b) =>
            a.Code == b.Code && a.Silent == b.Silent && a.StoreHistory == b.StoreHistory && a.AllowStdin == b.AllowStdin && a.StopOnError == b.StopOnError));
        Assert.That(request.StoreHistory, Is.True);
        Assert.That(request.Silent, Is.False);
    }

    [Test]
    public void Iopub_contents_use_the_spec_field_names()
    {
        Assert.That(Json(new StatusContent("busy"), ProtocolJsonContext.Default.StatusContent), Is.EqualTo("{\"execution_state\":\"busy\"}"));
        Assert.That(Json(new StreamOutput("stdout", "hi\n"), ProtocolJsonContext.Default.StreamOutput), Is.EqualTo("{\"name\":\"stdout\",\"text\":\"hi\\n\"}"));
        Assert.That(Json(new ExecuteInputContent("1", 2), ProtocolJsonContext.Default.ExecuteInputContent), Is.EqualTo("{\"code\":\"1\",\"execution_count\":2}"));
        Assert.That(Json(new ExecuteResultContent(2, new JsonObject { ["text/plain"] = "42" }, []), ProtocolJsonContext.Default.ExecuteResultContent),
            Is.EqualTo("{\"execution_count\":2,\"data\":{\"text/plain\":\"42\"},\"metadata\":{}}"));
        Assert.That(Json(new DisplayDataContent(new JsonObject { ["text/plain"] = "x" }, [], new JsonObject { ["display_id"] = "d" }), ProtocolJsonContext.Default.DisplayDataContent),
            Is.EqualTo("{\"data\":{\"text/plain\":\"x\"},\"metadata\":{},\"transient\":{\"display_id\":\"d\"}}"));
        Assert.That(Json(new ErrorContent("E", "v", ["a", "b"]), ProtocolJsonContext.Default.ErrorContent), Is.EqualTo("{\"ename\":\"E\",\"evalue\":\"v\",\"traceback\":[\"a\",\"b\"]}"));
        Assert.That(Json(new ClearOutputContent(true), ProtocolJsonContext.Default.ClearOutputContent), Is.EqualTo("{\"wait\":true}"));
        Assert.That(Json(new InputRequest("name? ", false), ProtocolJsonContext.Default.InputRequest), Is.EqualTo("{\"prompt\":\"name? \",\"password\":false}"));
    }

    [Test]
    public void Control_and_shell_replies_use_the_spec_field_names()
    {
        Assert.That(Json(new ShutdownReply { Restart = true }, ProtocolJsonContext.Default.ShutdownReply), Is.EqualTo("{\"status\":\"ok\",\"restart\":true}"));
        Assert.That(Json(new InterruptReply(), ProtocolJsonContext.Default.InterruptReply), Is.EqualTo("{\"status\":\"ok\"}"));
        Assert.That(Json(new IsCompleteReply { Status = "incomplete", Indent = "    " }, ProtocolJsonContext.Default.IsCompleteReply), Is.EqualTo("{\"status\":\"incomplete\",\"indent\":\"    \"}"));
        Assert.That(Json(new IsCompleteReply { Status = "complete" }, ProtocolJsonContext.Default.IsCompleteReply), Is.EqualTo("{\"status\":\"complete\"}"));
        Assert.That(Json(new CommInfoReply(), ProtocolJsonContext.Default.CommInfoReply), Is.EqualTo("{\"status\":\"ok\",\"comms\":{}}"));
        Assert.That(Json(new CompleteReply { Matches = ["Console"], CursorStart = 0, CursorEnd = 3 }, ProtocolJsonContext.Default.CompleteReply),
            Is.EqualTo("{\"status\":\"ok\",\"matches\":[\"Console\"],\"cursor_start\":0,\"cursor_end\":3,\"metadata\":{}}"));
    }

    [Test]
    public void The_kernel_info_reply_describes_csharp_as_front_ends_expect()
    {
        var json = JsonNode.Parse(Json(CSharpKernel.Server.Handlers.KernelInfoHandler.Reply(CSharpKernel.Execution.CSharpInterpreterInfo.Info), ProtocolJsonContext.Default.KernelInfoReply))!;
        var language = json["language_info"]!;
        Assert.That(json["protocol_version"]!.GetValue<string>(), Is.EqualTo("5.4"), "iopub_welcome is what 5.4 adds");
        Assert.That(language["name"]!.GetValue<string>(), Is.EqualTo("csharp"));
        Assert.That(language["mimetype"]!.GetValue<string>(), Is.EqualTo("text/x-csharp"));
        Assert.That(language["file_extension"]!.GetValue<string>(), Is.EqualTo(".cs"));
        Assert.That(language["pygments_lexer"]!.GetValue<string>(), Is.EqualTo("csharp"));
        Assert.That(language["codemirror_mode"]!.GetValue<string>(), Is.EqualTo("text/x-csharp"));
        Assert.That(language["nbconvert_exporter"]!.GetValue<string>(), Is.EqualTo("script"));
        Assert.That(language["version"]!.GetValue<string>(), Does.Match(@"^\d+\.\d+$"));
        Assert.That(json["help_links"]!.AsArray(), Is.Not.Empty);
        Assert.That(json["implementation"]!.GetValue<string>(), Is.EqualTo("csharp-kernel"));
    }
}
