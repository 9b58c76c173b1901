using System.Diagnostics;
using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Cli;

/// <summary>`execute NOTEBOOK`: headless, papermill-style runs through a real kernel process.</summary>
public sealed class ExecuteCommandTests
{
    private string _temp = null!;

    [SetUp]
    public void MakeTempDirectory() => _temp = Directory.CreateTempSubdirectory("kernel-execute-").FullName;

    [TearDown]
    public void RemoveTempDirectory() => Directory.Delete(_temp, recursive: true);

    [Test]
    public void Parameters_are_injected_after_the_tagged_cell_and_outputs_are_saved()
    {
        var notebook = Write(
            Cell("var name = \"world\";\nvar times = 1;", "parameters"),
            Cell("for (var i = 0; i < times; i++) Console.WriteLine($\"Hello, {name}!\");\nvar shown = display(\"draft\"); shown.Update(\"final\");\nname.Length"));
        var output = Path.Combine(_temp, "out.ipynb");

        var (code, stdout, _) = Run(["execute", notebook, "-o", output, "-p", "name=Ada", "-p", "times=2"]);

        Assert.That(code, Is.Zero, stdout);
        Assert.That(stdout, Does.Contain("Hello, Ada!\nHello, Ada!\n"));
        var cells = JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray();
        Assert.That(cells, Has.Count.EqualTo(3));
        Assert.That(cells[1]!["metadata"]!["tags"]![0]!.GetValue<string>(), Is.EqualTo("injected-parameters"));
        Assert.That(cells[1]!["source"]!.GetValue<string>(), Does.Contain("var name = \"Ada\";").And.Contain("var times = 2;"));
        var outputs = cells[2]!["outputs"]!.AsArray();
        Assert.That(outputs.Select(o => o!["output_type"]!.GetValue<string>()), Is.EqualTo(new[] { "stream", "display_data", "execute_result" }));
        Assert.That(outputs[1]!["data"]!["text/plain"]!.GetValue<string>(), Is.EqualTo("\"final\""), "the display was updated in place");
        Assert.That(outputs[2]!["data"]!["text/plain"]!.GetValue<string>(), Is.EqualTo("3"));
        Assert.That(cells[2]!["execution_count"]!.GetValue<int>(), Is.EqualTo(3));
    }

    [Test]
    public void A_failing_cell_stops_the_run_with_a_non_zero_exit()
    {
        var notebook = Write(Cell("throw new InvalidOperationException(\"stop here\");"), Cell("Console.WriteLine(\"not reached\");"));
        var output = Path.Combine(_temp, "out.ipynb");

        var (code, stdout, stderr) = Run(["execute", notebook, "-o", output]);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("stop here").And.Not.Contain("not reached"));
        Assert.That(stderr, Does.Contain("a cell failed"));
        var cells = JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray();
        Assert.That(cells[0]!["outputs"]![0]!["ename"]!.GetValue<string>(), Is.EqualTo("InvalidOperationException"));
        Assert.That(cells[1]!["outputs"]!.AsArray(), Is.Empty);
    }

    [Test]
    public void With_allow_errors_every_cell_runs_and_the_exit_is_zero()
    {
        var notebook = Write(Cell("throw new Exception(\"first\");"), Cell("Console.WriteLine(\"second ran\");"));
        var (code, stdout, _) = Run(["execute", notebook, "--allow-errors"]);
        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain("second ran"));
    }

    [Test]
    public void A_bad_parameter_is_refused_clearly()
    {
        var notebook = Write(Cell("1"));
        var (code, _, stderr) = Run(["execute", notebook, "-p", "not an identifier=1"]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("is not a C# identifier"));
    }

    [Test]
    public void A_polyglot_dib_runs_its_csharp_cells_and_is_saved_as_an_ipynb_beside_it()
    {
        var dib = Path.Combine(_temp, "polyglot.dib");
        File.WriteAllText(dib, """
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"},{"aliases":[],"name":"fsharp"}]}}

            #!markdown

            # Moons

            Counted in *C#*.

            #!csharp

            var moons = new Dictionary<string, int> { ["Earth"] = 1, ["Mars"] = 2 };
            Console.WriteLine($"{moons.Count} planets");

            #!fsharp

            let total = 3

            #!html

            <b>between</b>

            #!csharp

            moons.Values.Sum()
            """);

        var (code, stdout, stderr) = Run(["execute", dib]);

        Assert.That(code, Is.Zero, stdout + stderr);
        Assert.That(stdout, Does.Contain("2 planets").And.Contain("not run: a fsharp cell"));
        Assert.That(stderr, Does.Contain("1 cell(s) of other kernels were kept but not run (fsharp)"));
        var notebook = JsonNode.Parse(File.ReadAllText(Path.Combine(_temp, "polyglot.ipynb")))!.AsObject();
        Assert.That(notebook["metadata"]!["kernelspec"]!["name"]!.GetValue<string>(), Is.EqualTo("csharp"));
        var cells = notebook["cells"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.That(cells.Select(c => c["cell_type"]!.GetValue<string>()), Is.EqualTo(new[] { "markdown", "code", "code", "code", "code" }));
        Assert.That(cells.Select(c => c["id"]?.GetValue<string>()), Has.None.Null.And.Unique);
        Assert.That(SourceOf(cells[0]), Does.StartWith("# Moons"));
        Assert.That(cells[1]["outputs"]![0]!["text"]!.GetValue<string>(), Is.EqualTo("2 planets\n"));
        Assert.That(SourceOf(cells[2]), Is.EqualTo("let total = 3"), "the F# cell is kept as it was");
        Assert.That(cells[2]["outputs"]!.AsArray(), Is.Empty);
        Assert.That(cells[2]["execution_count"], Is.Null);
        Assert.That(cells[3]["outputs"]![0]!["data"]!["text/html"]!.GetValue<string>(), Is.EqualTo("<b>between</b>"));
        Assert.That(cells[4]["outputs"]![0]!["data"]!["text/plain"]!.GetValue<string>(), Is.EqualTo("3"));
    }

    [Test]
    public void A_dib_goes_where_output_says()
    {
        var dib = Path.Combine(_temp, "short.dib");
        File.WriteAllText(dib, "#!csharp\n\n6 * 7\n");
        var output = Path.Combine(_temp, "elsewhere.ipynb");

        var (code, stdout, _) = Run(["execute", dib, "-o", output]);

        Assert.That(code, Is.Zero, stdout);
        Assert.That(File.Exists(Path.Combine(_temp, "short.ipynb")), Is.False);
        var cells = JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray();
        Assert.That(cells[0]!["outputs"]![0]!["data"]!["text/plain"]!.GetValue<string>(), Is.EqualTo("42"));
    }

    [Test]
    public void An_ipynb_from_polyglot_notebooks_runs_only_its_csharp_cells()
    {
        var fsharp = Cell("printfn \"from F#\"");
        fsharp["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "fsharp" } };
        var csharp = Cell("Console.WriteLine(\"from C#\");");
        csharp["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } };
        var output = Path.Combine(_temp, "out.ipynb");

        var (code, stdout, stderr) = Run(["execute", Write(fsharp, csharp), "-o", output]);

        Assert.That(code, Is.Zero, stdout + stderr);
        Assert.That(stdout, Does.Contain("from C#").And.Contain("not run: a fsharp cell"));
        var cells = JsonNode.Parse(File.ReadAllText(output))!["cells"]!.AsArray();
        Assert.That(cells[0]!["outputs"]!.AsArray(), Is.Empty);
        Assert.That(cells[1]!["outputs"]![0]!["text"]!.GetValue<string>(), Is.EqualTo("from C#\n"));
    }

    private static string SourceOf(JsonObject cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l!.GetValue<string>())),
        var text => text!.GetValue<string>(),
    };

    private static JsonObject Cell(string source, string? tag = null) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = tag is null ? new JsonObject() : new JsonObject { ["tags"] = new JsonArray(tag) },
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };

    private string Write(params JsonObject[] cells)
    {
        var path = Path.Combine(_temp, "input.ipynb");
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)c).ToArray()),
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = "csharp", ["display_name"] = "C#", ["language"] = "csharp" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }

    private static (int Code, string Output, string Error) Run(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [KernelProcess.KernelDll, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
