using System.Text.Json.Nodes;
using CSharpKernel.Execution;
using CSharpKernel.Interpreter;

namespace CSharpKernel.Tests.Execution;

/// <summary>An output sink that keeps what it is sent, for tests of the language seam without sockets.</summary>
public sealed class RecordingSink : IOutputSink
{
    private readonly Lock _lock = new();
    private readonly List<(string Name, string Text)> _streams = [];

    public IReadOnlyList<(string Name, string Text)> Streams
    {
        get
        {
            lock (_lock)
                return [.. _streams];
        }
    }

    public void Stream(string name, string text)
    {
        lock (_lock)
            _streams.Add((name, text));
    }

    public void DisplayData(JsonObject data, JsonObject metadata, string? displayId, bool update)
    {
    }

    public void ClearOutput(bool wait)
    {
    }
}
