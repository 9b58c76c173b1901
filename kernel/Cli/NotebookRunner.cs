using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CSharpKernel.Client;
using CSharpKernel.Execution;
using CSharpKernel.Magics.Syntax;

namespace CSharpKernel.Cli;

/// <summary>
/// Runs a notebook's code cells in order through a kernel process, prints what each shows, and
/// records the outputs into the notebook. A failing cell stops the run unless errors are allowed.
/// Cells that Polyglot Notebooks gave to another kernel (F#, PowerShell) are kept as they are and
/// reported as not run; HTML and JavaScript cells are shown through the kernel's #! commands.
/// </summary>
internal sealed class NotebookRunner
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

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
        using var kernel = KernelProcess.Start([.. KernelLauncher.Command(), "run", "--connection-file", "{connection_file}"],
            LoopbackConnection.Loopback(LoopbackConnection.NewKey(), "csharp"));
        using var client = new KernelClient(kernel);
        try
        {
            client.WaitForReady(ReadyTimeout);
            return RunCells(client, cells, allowErrors);
        }
        finally
        {
            client.Shutdown(ShutdownGrace);
        }
    }

    private bool RunCells(KernelClient client, JsonArray cells, bool allowErrors)
    {
        var succeeded = true;
        foreach (var cell in cells.OfType<JsonObject>().Where(c => c["cell_type"]?.GetValue<string>() == "code"))
        {
            var source = Source(cell);
            var cellKernel = PolyglotDocument.KernelOf(cell);
            if (CodeFor(cellKernel, source) is not { } code)
            {
                _console.WriteLine($"In [ ]: {Indent(source)}");
                _console.WriteLine($"(not run: a {cellKernel} cell; this kernel runs C#)");
                _console.WriteLine();
                NotRun.Add(cellKernel);
                continue;
            }
            var result = Execute(client, code);
            var outputs = NotebookOutputs.From(result.Iopub);
            cell["execution_count"] = result.Reply.Content.TryGetProperty("execution_count", out var count) ? count.GetInt32() : null;
            _console.WriteLine($"In [{cell["execution_count"]}]: {Indent(source)}");
            foreach (var output in outputs.OfType<JsonObject>())
                _console.Write(NotebookOutputs.Text(output));
            _console.WriteLine();
            NotebookOutputs.Seal(outputs);
            cell["outputs"] = outputs;
            if (result.Status != "ok")
            {
                succeeded = false;
                if (!allowErrors)
                    break;
            }
        }
        return succeeded;
    }

    private ExecutionResult Execute(KernelClient client, string code)
    {
        try
        {
            return client.Execute(code, timeout: _cellTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the cell did not finish within {_cellTimeout}");
        }
    }

    // Notebooks are read by people and diffed: markup and quotes are written as they are, not as \u escapes.
    private static readonly JsonSerializerOptions SaveOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The kernels of the code cells that were kept but not run, one entry per cell, in order.</summary>
    public List<string> NotRun { get; } = [];

    /// <summary>What this kernel runs for a cell of the given .NET Interactive kernel, or null when it cannot run it.</summary>
    private static string? CodeFor(string cellKernel, string source) =>
        MagicSyntax.CSharpKernelNames.Contains(cellKernel) ? source
        : MagicSyntax.ForeignBodies.Contains(cellKernel) ? $"#!{cellKernel}\n{source}"
        : null;

    public static JsonObject Load(string path) =>
        JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path} is not a notebook");

    public static void Save(JsonObject notebook, string path) =>
        File.WriteAllText(path, notebook.ToJsonString(SaveOptions) + "\n");

    private static string Source(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        JsonNode text => text.GetValue<string>(),
        _ => "",
    };

    private static string Indent(string source) => source.Replace("\n", "\n        ");
}
