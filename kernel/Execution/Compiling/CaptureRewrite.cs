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
    /// The type written so that any later cell's text binds it to this very type, or null when no
    /// name can: an anonymous type, a type declared in a cell (nested in its submission, and a
    /// later cell may declare another of that name), a type parameter, one that is not public.
    /// </summary>
    public static string? WrittenName(ITypeSymbol? type) =>
        CanHold(type) && Nameable(type!) ? type!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) : null;

    private static bool Nameable(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => Nameable(array.ElementType),
        IDynamicTypeSymbol => true,
        INamedTypeSymbol named => !named.IsAnonymousType && named.TypeKind != TypeKind.Error && !named.IsUnboundGenericType
            && IsPublicOutsideCells(named) && named.TypeArguments.All(Nameable),
        _ => false,
    };

    private static bool IsPublicOutsideCells(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? at = type; at is not null; at = at.ContainingType)
        {
            if (at.IsScriptClass || at.DeclaredAccessibility != Accessibility.Public)
                return false;
        }
        return true;
    }

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
