using System.Text.Json;

namespace CSharpKernel.Tests.Clients;

/// <summary>
/// `jupyter nbconvert --to notebook --execute` (nbclient underneath) runs every notebook in
/// notebooks/ with the installed kernelspec; the examples are executed here so they never drift.
/// </summary>
public sealed class NotebookExecutionTests
{
    private static readonly string NotebookFolder = Path.Combine(AppContext.BaseDirectory, "notebooks");

    /// <summary>What each code cell of the tour shows: its stdout and the text/plain of its result.</summary>
    private static readonly Dictionary<string, (string Stdout, string? Result)> TourExpectations = new()
    {
        ["expression"] = ("", "42"),
        ["console"] = ("Hello from C#!\nline 1\nline 2\nline 3\n", null),
        ["declare"] = ("", null),
        ["use"] = ("", "2027"),
        ["method"] = ("", "144"),
        ["class"] = ("", null),
        ["use-class"] = ("counted to 3\n", "7"),
        ["linq"] = ("", "220"),
        ["linq-names"] = ("Ada, Grace, Linus\n", null),
        ["async-declare"] = ("", null),
        ["await"] = ("", "42"),
        ["when-all"] = ("2 answers, sum 84\n", null),
    };

    private readonly Dictionary<string, ExecutedNotebook> _executed = new();
    private readonly Dictionary<string, JupyterSandbox> _levels = new();
    private JupyterSandbox _sandbox = null!;

    public static IEnumerable<string> Notebooks() =>
        Directory.EnumerateFiles(NotebookFolder, "*.ipynb").Select(Path.GetFileName).Order()!;

    [OneTimeSetUp]
    public void InstallKernel()
    {
        DebianJupyter.RequireProgram("/usr/bin/jupyter-nbconvert", "jupyter-nbconvert");
        DebianJupyter.RequireModules(new Dictionary<string, string> { ["nbclient"] = "python3-nbclient" });
        _sandbox = JupyterSandbox.Create("nbclient");
    }

    [OneTimeTearDown]
    public void RemoveSandbox()
    {
        _sandbox?.Dispose();
        foreach (var leveled in _levels.Values)
            leveled.Dispose();
    }

    [Test]
    public void The_notebooks_folder_holds_the_tour()
    {
        Assert.That(Notebooks(), Does.Contain("tour.ipynb"));
    }

    /// <summary>
    /// nbclient stops at the first error unless the cell is tagged `raises-exception` (the nbclient
    /// and nbval convention), so a notebook that shows an error on purpose says so in the cell.
    /// </summary>
    [TestCaseSource(nameof(Notebooks))]
    public void Every_code_cell_runs_in_order_and_errs_only_where_tagged_to(string notebook)
    {
        var cells = Execute(notebook).CodeCells.ToList();
        Assert.That(cells.Select(ExecutedNotebook.ExecutionCount), Is.EqualTo(Enumerable.Range(1, cells.Count).Select(n => (int?)n)));
        Assert.Multiple(() =>
        {
            foreach (var cell in cells)
            {
                var id = ExecutedNotebook.Id(cell);
                var errors = ExecutedNotebook.Outputs(cell, "error").Select(e => $"{e.GetProperty("ename")}: {e.GetProperty("evalue")}");
                if (ExecutedNotebook.Tags(cell).Contains("raises-exception"))
                    Assert.That(errors, Is.Not.Empty, $"cell {id} is tagged raises-exception but ran without error");
                else
                    Assert.That(errors, Is.Empty, $"cell {id} failed");
                Assert.That(ExecutedNotebook.Stream(cell, "stderr"), Is.Empty, $"cell {id} wrote to stderr");
            }
        });
    }

    [Test]
    public void Every_cell_of_the_tour_shows_what_the_tour_says_it_does()
    {
        var cells = Execute("tour.ipynb").CodeCells.ToList();
        Assert.That(cells.Select(ExecutedNotebook.Id), Is.EquivalentTo(TourExpectations.Keys), "each tour cell has an expectation here");
        Assert.Multiple(() =>
        {
            foreach (var cell in cells)
            {
                var id = ExecutedNotebook.Id(cell);
                var (stdout, result) = TourExpectations[id];
                Assert.That(ExecutedNotebook.Stream(cell, "stdout"), Is.EqualTo(stdout), $"stdout of cell {id}");
                Assert.That(ExecutedNotebook.Result(cell), Is.EqualTo(result), $"result of cell {id}");
            }
        });
    }

    [Test]
    public void The_executed_tour_records_the_kernels_language_info()
    {
        var executed = Execute("tour.ipynb");
        Assert.That(executed.LanguageInfo.GetProperty("name").GetString(), Is.EqualTo("csharp"));
        Assert.That(executed.LanguageInfo.GetProperty("file_extension").GetString(), Is.EqualTo(".cs"));
    }

    /// <summary>Each notebook is executed once per run; the tests read the notebook nbconvert wrote.</summary>
    private ExecutedNotebook Execute(string notebook)
    {
        if (_executed.TryGetValue(notebook, out var done))
            return done;
        var sandbox = SandboxFor(notebook);
        var outputFolder = Path.Combine(sandbox.Root, "executed");
        var run = ProgramOutput.Run(DebianJupyter.Jupyter,
            ["nbconvert", "--to", "notebook", "--execute", $"--ExecutePreprocessor.kernel_name={sandbox.KernelName}",
             "--ExecutePreprocessor.timeout=120", "--output-dir", outputFolder, Path.Combine(NotebookFolder, notebook)],
            sandbox, TimeSpan.FromMinutes(5));
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        return _executed[notebook] = new ExecutedNotebook(Path.Combine(outputFolder, notebook));
    }

    /// <summary>A notebook written for a security level says so in its metadata (`"csharp_kernel": {"level": ...}`) and runs at that level.</summary>
    private JupyterSandbox SandboxFor(string notebook)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(NotebookFolder, notebook)));
        if (!document.RootElement.GetProperty("metadata").TryGetProperty("csharp_kernel", out var kernel) || !kernel.TryGetProperty("level", out var level))
            return _sandbox;
        var name = level.GetString()!;
        if (!_levels.TryGetValue(name, out var sandbox))
            _levels[name] = sandbox = JupyterSandbox.Create("nbclient-" + name, name);
        return sandbox;
    }
}
