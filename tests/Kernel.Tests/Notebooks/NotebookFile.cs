using System.Text.Json;

namespace CSharpKernel.Tests.Notebooks;

/// <summary>A notebook of notebooks/ as it is stored in the repository, read for its code cells.</summary>
public sealed class NotebookFile
{
    private readonly JsonElement _root;

    private NotebookFile(string name, JsonElement root)
    {
        Name = name;
        _root = root;
        CodeCells = root.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => new NotebookCell(c))
            .ToList();
    }

    public string Name { get; }

    public IReadOnlyList<NotebookCell> CodeCells { get; }

    /// <summary>The nbformat version as "4.5".</summary>
    public string Format => $"{_root.GetProperty("nbformat").GetInt32()}.{_root.GetProperty("nbformat_minor").GetInt32()}";

    public string KernelName => _root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString()!;

    /// <summary>The security level the notebook is written for (metadata "csharp_kernel": {"level": ...}), or null for any.</summary>
    public string? Level => _root.GetProperty("metadata").TryGetProperty("csharp_kernel", out var kernel) && kernel.TryGetProperty("level", out var level)
        ? level.GetString()
        : null;

    public string LanguageName => _root.GetProperty("metadata").GetProperty("language_info").GetProperty("name").GetString()!;

    /// <summary>Every cell's id, markdown ones too.</summary>
    public IReadOnlyList<string?> CellIds =>
        _root.GetProperty("cells").EnumerateArray().Select(c => c.TryGetProperty("id", out var id) ? id.GetString() : null).ToList();

    /// <summary>Reads notebooks/NAME, copied beside the test assembly by the build.</summary>
    public static NotebookFile Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "notebooks", name)));
        return new NotebookFile(name, document.RootElement.Clone());
    }
}
