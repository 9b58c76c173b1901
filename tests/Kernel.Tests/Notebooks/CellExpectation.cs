using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Notebooks;

/// <summary>
/// What one code cell shows when it runs. Every default means "none": no stdout, no result, no
/// error, no display, no HTML, no input asked for; a cell shows exactly what is listed.
/// </summary>
internal sealed record CellExpectation
{
    /// <summary>The text/plain of the execute_result, exactly.</summary>
    public string? Result { get; init; }

    /// <summary>A fragment of the execute_result's text/plain, for values whose full text is long.</summary>
    public string? ResultContains { get; init; }

    public string Stdout { get; init; } = "";

    /// <summary>A regular expression stdout must match, for output that varies (timings); replaces <see cref="Stdout"/>.</summary>
    public string? StdoutPattern { get; init; }

    public string? Ename { get; init; }

    public string? EvalueContains { get; init; }

    /// <summary>Fragments of the text/html the cell's displays, updates and result carry together.</summary>
    public IReadOnlyList<string> Html { get; init; } = [];

    /// <summary>A fragment of the text/plain of each display_data, in order.</summary>
    public IReadOnlyList<string> Displays { get; init; } = [];

    /// <summary>A fragment of the text/plain of each update_display_data, in order; each must update a display of the same cell.</summary>
    public IReadOnlyList<string> Updates { get; init; } = [];

    /// <summary>The input_requests the cell sends, in order, with the answers to give.</summary>
    public IReadOnlyList<InputAnswer> Inputs { get; init; } = [];

    /// <summary>Checks particular to the cell (mime types, message order).</summary>
    public Action<ExecutionResult>? Also { get; init; }
}
