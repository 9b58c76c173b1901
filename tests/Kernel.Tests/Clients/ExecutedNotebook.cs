using System.Text.Json;

namespace CSharpKernel.Tests.Clients;

/// <summary>A notebook as nbconvert wrote it after executing it: per code cell, its count and outputs.</summary>
public sealed class ExecutedNotebook
{
    private readonly JsonElement _root;

    public ExecutedNotebook(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        _root = document.RootElement.Clone();
    }

    public IEnumerable<JsonElement> CodeCells =>
        _root.GetProperty("cells").EnumerateArray().Where(c => c.GetProperty("cell_type").GetString() == "code");

    public JsonElement LanguageInfo => _root.GetProperty("metadata").GetProperty("language_info");

    public static string Id(JsonElement cell) => cell.GetProperty("id").GetString()!;

    public static IReadOnlyList<string> Tags(JsonElement cell) =>
        cell.GetProperty("metadata").TryGetProperty("tags", out var tags)
            ? tags.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [];

    public static int? ExecutionCount(JsonElement cell) =>
        cell.GetProperty("execution_count") is { ValueKind: JsonValueKind.Number } count ? count.GetInt32() : null;

    public static IEnumerable<JsonElement> Outputs(JsonElement cell, string outputType) =>
        cell.GetProperty("outputs").EnumerateArray().Where(o => o.GetProperty("output_type").GetString() == outputType);

    /// <summary>All of a stream's text in the cell (nbformat stores text as one string or a list of lines).</summary>
    public static string Stream(JsonElement cell, string name) =>
        string.Concat(Outputs(cell, "stream").Where(o => o.GetProperty("name").GetString() == name).Select(o => Text(o.GetProperty("text"))));

    /// <summary>The text/plain of the cell's execute_result, or null when it has none.</summary>
    public static string? Result(JsonElement cell) =>
        Outputs(cell, "execute_result").Select(o => Text(o.GetProperty("data").GetProperty("text/plain"))).SingleOrDefault();

    private static string Text(JsonElement text) => text.ValueKind == JsonValueKind.Array
        ? string.Concat(text.EnumerateArray().Select(line => line.GetString()))
        : text.GetString()!;
}
