using System.Text.Json;
using System.Text.Json.Nodes;

namespace CSharpKernel.Cli;

/// <summary>
/// Runs a notebook's code cells in order through a kernel process, prints what each shows, and
/// records the outputs into the notebook. A failing cell stops the run unless errors are allowed.
/// </summary>
public sealed class NotebookRunner
{
    private readonly TextWriter _console;
    private readonly TimeSpan _cellTimeout;

    public NotebookRunner(TextWriter console, TimeSpan cellTimeout)
    {
        _console = console;
        _cellTimeout = cellTimeout;
    }

    /// <returns>True when every cell ran without error.</returns>
    public bool Run(JsonObject notebook, IReadOnlyList<(string Name, string Literal)> parameters, bool allowErrors)
    {
        var cells = notebook["cells"] as JsonArray ?? throw new InvalidDataException("the notebook has no cells");
        NotebookParameters.Inject(cells, parameters);
        using var kernel = new KernelConnection();
        kernel.WaitForReady();
        var succeeded = true;
        foreach (var cell in cells.OfType<JsonObject>().Where(c => c["cell_type"]?.GetValue<string>() == "code"))
        {
            var source = Source(cell);
            var (reply, messages) = kernel.Execute(source, _cellTimeout);
            var outputs = NotebookOutputs.From(messages);
            cell["execution_count"] = reply.TryGetProperty("execution_count", out var count) ? count.GetInt32() : null;
            _console.WriteLine($"In [{cell["execution_count"]}]: {Indent(source)}");
            foreach (var output in outputs.OfType<JsonObject>())
                _console.Write(NotebookOutputs.Text(output));
            _console.WriteLine();
            NotebookOutputs.Seal(outputs);
            cell["outputs"] = outputs;
            if (reply.GetProperty("status").GetString() != "ok")
            {
                succeeded = false;
                if (!allowErrors)
                    break;
            }
        }
        return succeeded;
    }

    public static JsonObject Load(string path) =>
        JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path} is not a notebook");

    public static void Save(JsonObject notebook, string path) =>
        File.WriteAllText(path, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

    private static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        JsonNode text => text.GetValue<string>(),
        _ => "",
    };

    private static string Indent(string source) => source.Replace("\n", "\n        ");
}
