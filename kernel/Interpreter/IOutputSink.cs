using System.Text.Json.Nodes;

namespace CSharpKernel.Interpreter;

/// <summary>
/// Where a running request's side effects go. The server implements it over iopub; tests use a
/// recording fake. Every call belongs to the request the sink was made for.
/// </summary>
internal interface IOutputSink
{
    void Stream(string name, string text);
    void DisplayData(JsonObject data, JsonObject metadata, string? displayId, bool update);
    void ClearOutput(bool wait);
}
