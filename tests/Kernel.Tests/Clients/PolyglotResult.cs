using System.Text.Json.Nodes;

namespace CSharpKernel.Tests.Clients;

/// <summary>The events .NET Interactive sent for one command, through its CommandSucceeded or CommandFailed.</summary>
public sealed record PolyglotResult(IReadOnlyList<JsonObject> Events)
{
    public bool Succeeded => Events[^1]["eventType"]!.GetValue<string>() == "CommandSucceeded";

    public IEnumerable<JsonObject> OfType(string eventType) =>
        Events.Where(e => e["eventType"]?.GetValue<string>() == eventType).Select(e => e["event"]!.AsObject());

    /// <summary>The value of each formatted value of the given mime type in events of the given type, in order.</summary>
    public IEnumerable<string> Formatted(string eventType, string mimeType) =>
        OfType(eventType)
            .SelectMany(e => (e["formattedValues"] ?? e["content"])?.AsArray() ?? [])
            .Where(v => v?["mimeType"]?.GetValue<string>() == mimeType)
            .Select(v => v!["value"]!.GetValue<string>());

    public override string ToString() => string.Join("\n", Events.Select(e => e.ToJsonString()));
}
