using CSharpKernel.Tests.Notebooks;

namespace CSharpKernel.Tests.Security;

/// <summary>
/// notebooks/sandbox.ipynb, at the level its metadata names (restricted): the level in #!about, a
/// refused cell, Kernel.Files inside and outside the working directory, a limit, the kernel alive after.
/// </summary>
public sealed class RestrictedLevelNotebookTests : NotebookFixture
{
    private readonly string _working = Directory.CreateTempSubdirectory("kernel-sandbox-notebook-").FullName;

    protected override string NotebookName => "sandbox.ipynb";

    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["CSHARP_KERNEL_POLICY"] = Notebook.Level ?? "unrestricted" };

    protected override string WorkingDirectory => _working;

    [OneTimeTearDown]
    public void RemoveWorkingDirectory() => Directory.Delete(_working, recursive: true);

    [Test]
    public void The_notebook_names_its_level()
    {
        Assert.That(Notebook.Level, Is.EqualTo("restricted"));
    }

    private protected override IReadOnlyDictionary<string, CellExpectation> Expectations { get; } = new Dictionary<string, CellExpectation>
    {
        ["about"] = new()
        {
            ResultContains = "Security level: restricted\nLimits: memory 2048 MB, time 120 s per cell, output 4096 KB per cell\nSecond wall: ",
            Html = ["Security level</th><td style=\"text-align:left\">restricted</td>"],
        },
        ["compute"] = new() { Result = "\"{\\\"count\\\":15,\\\"largest\\\":47}\"" },
        // The compile-time policy's refusal: the cell never runs, so Linux is never asked (PackageWallTests shows that wall).
        ["refused"] = new()
        {
            Ename = "PolicyRefusal",
            EvalueContains = "(1,16): System.IO.File.ReadAllText is not allowed at the restricted level",
            Also = result => Assert.That(result.Error!.Content.GetProperty("traceback").EnumerateArray().Select(l => l.GetString()),
                Is.EqualTo(new[] { "Cell In[3], line 1, col 16: System.IO.File.ReadAllText is not allowed at the restricted level" })),
        },
        ["files"] = new() { Stdout = "first line\nsecond line\n", Result = "List<string>(1) { \"sandbox-demo/notes.txt\" }", Html = ["sandbox-demo/notes.txt"] },
        ["escape"] = new() { Ename = "UnauthorizedAccessException", EvalueContains = "'../../secrets.txt' is outside the working directory" },
        ["cleanup"] = new() { Result = "false" },
        ["recursion"] = new() { Ename = "InsufficientExecutionStackException", EvalueContains = "recursed deeper than the kernel allows" },
        ["alive"] = new() { Result = "15" },
    };
}
