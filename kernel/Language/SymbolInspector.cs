using CSharpKernel.Display;
using CSharpKernel.Protocol;
using Microsoft.CodeAnalysis;

namespace CSharpKernel.Language;

/// <summary>
/// inspect_request: signatures, documentation and, for a variable an earlier cell declared, its
/// current value. detail_level 1 adds the remarks and the declaring assembly.
/// </summary>
internal static class SymbolInspector
{
    /// <summary>A value read while a cell runs may be mid-change; its text is cut short rather than flood the pager.</summary>
    private const int MaxValueLength = 2000;

    public delegate bool VariableReader(string name, out object? value);

    public static InspectReply Inspect(Document document, int cursor, int detailLevel, VariableReader readVariable)
    {
        var model = document.GetSemanticModelAsync().GetAwaiter().GetResult()!;
        var symbols = SymbolLocator.Find(model, cursor);
        if (symbols.Count == 0)
            return new InspectReply { Found = false };
        var first = symbols[0];
        var inspection = new Inspection(
            [.. symbols.Select(s => SymbolSignatures.Of(s, model, cursor))],
            Documentation(first, detailLevel),
            CurrentValue(first, model, readVariable),
            detailLevel > 0 && first.ContainingAssembly is { } assembly && !IsCell(first, model) ? assembly.Identity.GetDisplayName() : null);
        return new InspectReply { Found = true, Data = inspection.ToMimeBundle() };
    }

    private static DocComment Documentation(ISymbol symbol, int detailLevel)
    {
        var doc = DocComment.Parse((symbol.OriginalDefinition ?? symbol).GetDocumentationCommentXml(expandIncludes: true));
        return detailLevel > 0 ? doc : doc with { Remarks = "" };
    }

    /// <summary>A field of an earlier cell's script class is a variable the session holds a value for.</summary>
    private static string? CurrentValue(ISymbol symbol, SemanticModel model, VariableReader readVariable)
    {
        if (symbol is not IFieldSymbol { ContainingType.IsScriptClass: true } field
            || SymbolEqualityComparer.Default.Equals(field.ContainingAssembly, model.Compilation.Assembly)
            || !readVariable(field.Name, out var value))
            return null;
        try
        {
            var text = PlainTextFormatter.Format(value);
            return text.Length > MaxValueLength ? text[..MaxValueLength] + "…" : text;
        }
        catch (Exception exception)
        {
            return $"<unavailable: {exception.GetType().Name}: {exception.Message}>";
        }
    }

    private static bool IsCell(ISymbol symbol, SemanticModel model) =>
        symbol.ContainingType?.IsScriptClass == true || symbol.Locations.Any(l => l.IsInSource);
}
