using System.Text.Json;

namespace CSharpKernel.Tests.Notebooks;

/// <summary>One stored code cell: its id, its source as one string, its tags, and what outputs were saved with it.</summary>
public sealed class NotebookCell
{
    private readonly JsonElement _cell;

    public NotebookCell(JsonElement cell) => _cell = cell;

    public string Id => _cell.TryGetProperty("id", out var id) ? id.GetString()! : "";

    /// <summary>nbformat keeps the source as one string or as a list of lines.</summary>
    public string Source => _cell.GetProperty("source") is { ValueKind: JsonValueKind.Array } lines
        ? string.Concat(lines.EnumerateArray().Select(l => l.GetString()))
        : _cell.GetProperty("source").GetString()!;

    public IReadOnlyList<string> Tags =>
        _cell.GetProperty("metadata").TryGetProperty("tags", out var tags) ? tags.EnumerateArray().Select(t => t.GetString()!).ToList() : [];

    public bool RaisesException => Tags.Contains("raises-exception");

    public int StoredOutputs => _cell.GetProperty("outputs").GetArrayLength();

    public bool HasExecutionCount => _cell.GetProperty("execution_count").ValueKind != JsonValueKind.Null;

    public override string ToString() => $"cell {Id}:\n{Source}";
}
