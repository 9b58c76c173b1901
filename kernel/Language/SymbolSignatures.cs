using Microsoft.CodeAnalysis;

namespace CSharpKernel.Language;

/// <summary>How a symbol's signature reads in completion metadata and inspection: as C# declares it, names as short as the cell allows.</summary>
internal static class SymbolSignatures
{
    private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.MinimallyQualifiedFormat
        .WithKindOptions(SymbolDisplayKindOptions.IncludeTypeKeyword | SymbolDisplayKindOptions.IncludeNamespaceKeyword)
        .WithMemberOptions(SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType
                           | SymbolDisplayMemberOptions.IncludeRef | SymbolDisplayMemberOptions.IncludeContainingType
                           | SymbolDisplayMemberOptions.IncludeConstantValue | SymbolDisplayMemberOptions.IncludeModifiers);

    /// <summary>Members of a cell's script class are shown as the user wrote them, without the class.</summary>
    private static readonly SymbolDisplayFormat CellMemberFormat = Format
        .RemoveMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType);

    public static string Of(ISymbol symbol, SemanticModel model, int position) =>
        symbol.ToMinimalDisplayString(model, position, symbol.ContainingType?.IsScriptClass == true ? CellMemberFormat : Format);
}
