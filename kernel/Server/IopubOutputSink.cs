using System.Text.Json.Nodes;
using CSharpKernel.Interpreter;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server;

/// <summary>A request's side effects, as iopub messages parented to it.</summary>
public sealed class IopubOutputSink : IOutputSink
{
    private readonly RequestContext _request;

    public IopubOutputSink(RequestContext request) => _request = request;

    public void Stream(string name, string text) =>
        _request.Publish("stream", new StreamOutput(name, text), ProtocolJsonContext.Default.StreamOutput);

    public void DisplayData(JsonObject data, JsonObject metadata, string? displayId, bool update)
    {
        var transient = displayId is null ? new JsonObject() : new JsonObject { ["display_id"] = displayId };
        _request.Publish(update ? "update_display_data" : "display_data",
            new DisplayDataContent(data, metadata, transient), ProtocolJsonContext.Default.DisplayDataContent);
    }

    public void ClearOutput(bool wait) =>
        _request.Publish("clear_output", new ClearOutputContent(wait), ProtocolJsonContext.Default.ClearOutputContent);
}
