using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CSharpKernel.Execution;

/// <summary>
/// How a cell's value is kept for later cells: `E` at the end of the cell becomes
/// `var hidden = E; hidden`, on the same line, so positions before E do not move.
/// </summary>
internal static class CaptureRewrite
{
    /// <summary>Whether a variable can hold a value of this type (not void, null, a method group, a ref struct or a pointer).</summary>
    public static bool CanHold(ITypeSymbol? type) =>
        type is not null
        && type.TypeKind is not (TypeKind.Error or TypeKind.Pointer or TypeKind.FunctionPointer)
        && type.SpecialType != SpecialType.System_Void
        && !type.IsRefLikeType;

    /// <summary>
    /// Whether the value is a display's handle (ours from <c>display(x)</c>, .NET Interactive's from
    /// <c>x.Display()</c>): a cell ending in one has shown its value already, so it gets no result.
    /// </summary>
    public static bool IsDisplay(ITypeSymbol? type) =>
        type?.ToDisplayString() is "CSharpKernel.Execution.DisplayHandle" or "Microsoft.DotNet.Interactive.Formatting.DisplayedValue";

    /// <summary>The edit that makes the trailing expression a statement, so the cell has no value.</summary>
    public static TextChange Terminate(ExpressionSyntax expression) => new(new TextSpan(expression.Span.End, 0), ";");

    /// <summary>The edits, placed on the tree <paramref name="expression"/> belongs to.</summary>
    public static TextChange[] Edits(ExpressionSyntax expression, string variable) =>
    [
        new TextChange(new TextSpan(expression.SpanStart, 0), $"var {variable} = "),
        new TextChange(new TextSpan(expression.Span.End, 0), $"; {variable}"),
    ];
}
