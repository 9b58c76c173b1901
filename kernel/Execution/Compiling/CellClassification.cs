using CSharpKernel.Magics.Syntax;

namespace CSharpKernel.Execution;

/// <summary>A cell's mode; whether it ends in an expression whose value is the result; the %-command if it is one.</summary>
internal sealed record CellClassification(CellMode Mode, bool EndsInExpression = false, MagicInvocation? Magic = null);
