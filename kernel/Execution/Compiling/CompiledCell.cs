using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution;

/// <summary>
/// A cell ready to run, or the error that stops it. <see cref="CapturedVariable"/> names the hidden
/// variable that holds the cell's value with its static type, when the cell's value was captured.
/// </summary>
internal sealed record CompiledCell(Script<object>? Script, string Text, string? CapturedVariable, CellError? Error)
{
    public static CompiledCell Failed(CellError error) => new(null, "", null, error);
}
