using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Notebooks;

/// <summary>
/// Runs notebooks/semantics.ipynb cell by cell through the real kernel, as a front end would, and
/// checks every output against what the notebook's prose promises.
/// </summary>
public sealed class SemanticsNotebookTests : KernelFixture
{
    /// <summary>One code cell's outputs: its result's text/plain (exact, or a fragment), stdout, and error name with a traceback line.</summary>
    private sealed record Expected(string? Result = null, string Stdout = "", string? Ename = null, string? TracebackLine = null, string? ResultContains = null);

    private static readonly Expected[] Cells =
    [
        new(Result: "42"),
        new(),
        new(),
        new(ResultContains: "X = 3, Y = 4"),
        new(),
        new(Result: "7"),
        new(Result: "\"HELLO\""),
        new(Result: "\"HELLO / 7 / Point { X = 3, Y = 4 }\""),
        new(Stdout: "a void call\n"),
        new(Result: "\"HELLO / 7 / Point { X = 3, Y = 4 }\""),
        new(Result: "42"),
        new(Result: "\"var greeting = \\\"hello\\\";\\nvar numbers = new List<int> { 1, 2, 3 };\""),
        new(Result: "\"True 2 0 many True\""),
        new(Result: "\"True 2 0 many True\""),
        new(Ename: "CompilationError", TracebackLine: "Cell In[15], line 3, col 1: error CS0103: The name 'undefinedName' does not exist in the current context"),
        new(Result: "\"hello\""),
        new(),
        new(Ename: "DivideByZeroException", TracebackLine: "   at Cell In[17], line 3, in Divide"),
        new(Result: "5"),
        new(Ename: "ReservedName", TracebackLine: "Cell In[20], line 2, col 5: 'Out' is reserved by the kernel and cannot be declared; the cell did not run."),
        new(Ename: "CompilationError", TracebackLine: "Cell In[21], line 1, col 1: error CS0103: The name 'total' does not exist in the current context"),
        new(Stdout: "Reset: variables, types and Out are cleared; In and the execution count are kept.\n"),
        new(Ename: "CompilationError", TracebackLine: "Cell In[23], line 1, col 1: error CS0103: The name 'greeting' does not exist in the current context"),
        new(Result: "\"var greeting = \\\"hello\\\";\\nvar numbers = new List<int> { 1, 2, 3 };\""),
    ];

    [Test]
    public void The_notebook_is_stored_without_outputs()
    {
        var cells = NotebookFile.Load("semantics.ipynb").CodeCells;
        Assert.That(cells, Has.Count.EqualTo(Cells.Length), "one expectation per code cell");
        Assert.That(cells.Select(c => c.StoredOutputs), Has.All.EqualTo(0));
        Assert.That(cells.Select(c => c.HasExecutionCount), Has.All.False);
    }

    [Test]
    public void Every_cell_of_the_notebook_produces_what_its_text_says()
    {
        var cells = NotebookFile.Load("semantics.ipynb").CodeCells;
        for (var i = 0; i < cells.Count; i++)
        {
            var expected = Cells[i];
            var code = cells[i].Source;
            var result = Client.Execute(code, stopOnError: false);
            var what = $"cell {i + 1}:\n{code}\n{result}";
            Assert.That(result.Reply.Content.GetProperty("execution_count").GetInt32(), Is.EqualTo(i + 1), what);
            Assert.That(result.Stdout, Is.EqualTo(expected.Stdout), what);
            if (expected.ResultContains is { } fragment)
                Assert.That(result.Result, Does.Contain(fragment), what);
            else
                Assert.That(result.Result, Is.EqualTo(expected.Result), what);
            if (expected.Ename is null)
            {
                Assert.That(result.Status, Is.EqualTo("ok"), what);
                continue;
            }
            Assert.That(result.Error?.Str("ename"), Is.EqualTo(expected.Ename), what);
            var traceback = result.Error!.Content.GetProperty("traceback").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.That(traceback, Does.Contain(expected.TracebackLine), what);
        }
    }
}
