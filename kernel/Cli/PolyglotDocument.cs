using System.Text.Json.Nodes;
using CSharpKernel.Magics.Syntax;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace CSharpKernel.Cli;

/// <summary>
/// A .dib file (Polyglot Notebooks' text format: cells split by <c>#!csharp</c>, <c>#!markdown</c>,
/// <c>#!fsharp</c> lines), read with .NET Interactive's own reader and turned into an nbformat 4
/// notebook for this kernel. Each code cell keeps its kernel's name in the metadata Polyglot Notebooks
/// writes, so the runner knows which cells are C#.
/// </summary>
internal static class PolyglotDocument
{
    public const string Extension = ".dib";

    /// <summary>.NET Interactive's kernels and their aliases: the lines that start a cell in a .dib.</summary>
    private static readonly (string Name, string Language, string[] Aliases)[] Kernels =
    [
        (MagicSyntax.CSharpKernelName, "C#", ["c#", "C#"]),
        ("fsharp", "F#", ["f#", "F#"]),
        ("pwsh", "PowerShell", ["powershell"]),
        ("javascript", "JavaScript", ["js"]),
        ("html", "HTML", []),
        ("sql", "SQL", []),
        ("kql", "KQL", []),
        ("mermaid", "Mermaid", []),
        ("http", "HTTP", []),
        ("value", "value", []),
    ];

    public static bool Is(string path) => string.Equals(Path.GetExtension(path), Extension, StringComparison.OrdinalIgnoreCase);

    public static JsonObject Load(string path)
    {
        var infos = new KernelInfoCollection();
        foreach (var (name, language, aliases) in Kernels)
            infos.Add(new KernelInfo(name, language, aliases));
        infos.DefaultKernelName = MagicSyntax.CSharpKernelName;
        var document = CodeSubmission.Parse(File.ReadAllText(path), infos);
        var notebook = JsonNode.Parse(document.ToJupyterJson())?.AsObject() ?? throw new InvalidDataException($"{path} could not be read as a notebook");
        var metadata = notebook["metadata"] as JsonObject ?? [];
        metadata["kernelspec"] = new JsonObject { ["display_name"] = "C#", ["language"] = "csharp", ["name"] = "csharp" };
        metadata["language_info"] = new JsonObject { ["file_extension"] = ".cs", ["mimetype"] = "text/x-csharp", ["name"] = "csharp", ["pygments_lexer"] = "csharp" };
        notebook["metadata"] = metadata;
        // nbformat 4.5, which the reader writes, wants every cell to carry an id.
        var index = 0;
        foreach (var cell in notebook["cells"]?.AsArray().OfType<JsonObject>() ?? [])
            cell.TryAdd("id", $"cell-{++index}");
        return notebook;
    }

    /// <summary>The .NET Interactive kernel a code cell belongs to, as Polyglot Notebooks records it; C# when it records none.</summary>
    public static string KernelOf(JsonObject cell) =>
        cell["metadata"]?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
        ?? cell["metadata"]?["dotnet_interactive"]?["language"]?.GetValue<string>()
        ?? MagicSyntax.CSharpKernelName;
}
