using System.Text.Json.Nodes;
using CSharpKernel.Interpreter;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server;

/// <summary>A request's side effects, as iopub messages parented to it.</summary>
internal sealed class IopubOutputSink : IOutputSink
{
    private readonly RequestContext _request;

    public IopubOutputSink(RequestContext request) => _request = request;

    public void Stream(string name, string text) =>
        _request.Publish(new StreamOutput(name, text));

    public void DisplayData(JsonObject data, JsonObject metadata, string? displayId, bool update)
    {
        var transient = displayId is null ? new JsonObject() : new JsonObject { ["display_id"] = displayId };
        if (update)
            _request.Publish(new UpdateDisplayDataContent(data, metadata, transient));
        else
            _request.Publish(new DisplayDataContent(data, metadata, transient));
    }

    public void ClearOutput(bool wait) =>
        _request.Publish(new ClearOutputContent(wait));
}
