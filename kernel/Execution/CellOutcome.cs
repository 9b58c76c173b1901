using System.Text.Json.Nodes;

namespace CSharpKernel.Execution;

/// <summary>What one cell produced: a value, nothing, or an error with a user-facing traceback.</summary>
internal sealed record CellOutcome
{
    public bool HasValue { get; init; }
    public object? Value { get; init; }
    public CellError? Error { get; init; }

    /// <summary>
    /// The result's mime bundle when the kernel made it itself (a <c>#!html</c> cell shows its text as
    /// HTML), rather than by formatting <see cref="Value"/>.
    /// </summary>
    public JsonObject? Data { get; init; }

    /// <summary>The execute reply's payloads (IPython's <c>page</c>: help for the front end's pager).</summary>
    public IReadOnlyList<JsonObject> Payload { get; init; } = [];

    public bool Succeeded => Error is null;

    public static CellOutcome Nothing { get; } = new();
    public static CellOutcome WithValue(object? value) => new() { HasValue = true, Value = value };
    public static CellOutcome WithData(JsonObject data) => new() { HasValue = true, Data = data };
    public static CellOutcome Failed(CellError error) => new() { Error = error };
}
