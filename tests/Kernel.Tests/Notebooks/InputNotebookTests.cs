namespace CSharpKernel.Tests.Notebooks;

/// <summary>
/// notebooks/input.ipynb, answered as a person would (allow_stdin true), then run again as an
/// unattended client runs it (allow_stdin false): exactly the cells tagged raises-exception fail,
/// at once, with the clear error and with the question they were asking still in their output.
/// </summary>
public sealed class InputNotebookTests : NotebookFixture
{
    private const string NoInput = "this client does not accept input";

    /// <summary>What each cell shows when nobody can type: the stdout before the read, or the fallback's result.</summary>
    private static readonly Dictionary<string, CellExpectation> Unattended = new()
    {
        ["readline"] = new() { Stdout = "What is your name? ", Ename = "InvalidOperationException", EvalueContains = NoInput },
        ["numbers"] = new() { Stdout = "How many stars? ", Ename = "InvalidOperationException", EvalueContains = NoInput },
        ["kernel-readline"] = new() { Ename = "InvalidOperationException", EvalueContains = NoInput },
        ["password"] = new() { Ename = "InvalidOperationException", EvalueContains = NoInput },
        ["read"] = new() { Stdout = "Type a word: ", Ename = "InvalidOperationException", EvalueContains = NoInput },
        ["fallback-helper"] = new(),
        ["fallback"] = new() { Result = "\"Painting it blue.\"" },
    };

    protected override string NotebookName => "input.ipynb";

    protected override bool AllowStdin => true;

    private protected override IReadOnlyDictionary<string, CellExpectation> Expectations { get; } = new Dictionary<string, CellExpectation>
    {
        ["readline"] = new() { Inputs = [new("What is your name? ", "Ada")], Stdout = "Hello, Ada!\n" },
        ["numbers"] = new() { Inputs = [new("How many stars? ", "5")], Stdout = "*****\n" },
        ["kernel-readline"] = new() { Inputs = [new("Which city do you live in? ", "Lisbon")], Result = "\"Lisbon has 6 letters\"" },
        ["password"] = new() { Inputs = [new("Choose a password: ", "correct horse", Password: true)], Stdout = "That is a good length.\n" },
        ["read"] = new() { Inputs = [new("Type a word: ", "stressed")], Result = "\"8 letters, backwards: desserts\"" },
        ["fallback-helper"] = new(),
        ["fallback"] = new() { Inputs = [new("Favourite colour? ", "green")], Result = "\"Painting it green.\"" },
    };

    protected override IEnumerable<string> CellsThatFailUnattended => Unattended.Where(e => e.Value.Ename is not null).Select(e => e.Key);

    [Test, Order(2)]
    public void Run_unattended_the_reading_cells_fail_at_once_and_say_why()
    {
        foreach (var cell in Notebook.CodeCells)
        {
            var result = Run(cell, inputs: [], allowStdin: false);
            Check(result, Unattended[cell.Id], $"{cell}\n{result}");
        }
    }
}
