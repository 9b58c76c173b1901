using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution;

/// <summary>
/// A cell ready to run, or the error that stops it. <see cref="CapturedVariable"/> names the hidden
/// variable that holds the cell's value with its static type, when the cell's value was captured.
/// </summary>
internal sealed record CompiledCell(Script<object>? Script, string Text, string? CapturedVariable, CellError? Error)
{
    /// <summary>
    /// The static type of the cell's value, written by name, when the value is kept by the history
    /// instead of a hidden variable: such a cell need not join the chain for later cells to use <c>_</c>.
    /// </summary>
    public string? ValueType { get; init; }

    /// <summary>The variables the cell keeps in the store instead of declaring them; they become visible once it ran.</summary>
    public IReadOnlyList<StoredVariable> Stored { get; init; } = [];

    /// <summary>The names of the members the cell declares in the chain, which hide stored variables of those names once it ran.</summary>
    public IReadOnlyList<string> ChainNames { get; init; } = [];

    /// <summary>For a cell that keeps variables in the store: its text as declaring them, for the language services.</summary>
    public string? Declaring { get; init; }

    /// <summary>
    /// For a cell that keeps variables in the store: the script of its text as written, which the
    /// policy decides on, so that its refusals are placed where the user wrote what they refuse.
    /// </summary>
    public Script<object>? Checked { get; init; }

    public static CompiledCell Failed(CellError error) => new(null, "", null, error);
}
