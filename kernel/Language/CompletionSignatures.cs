using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CSharpKernel.Language;

/// <summary>
/// Signatures for completion items, looked up by name where the completed word starts: in the
/// type or namespace left of a dot, or else in scope. Asking Roslyn to describe each item costs
/// milliseconds apiece; a lookup costs microseconds, so every listed item can have one.
/// </summary>
internal sealed class CompletionSignatures
{
    private readonly SemanticModel _model;
    private readonly int _position;
    private readonly INamespaceOrTypeSymbol? _container;

    public CompletionSignatures(SemanticModel model, int wordStart)
    {
        _model = model;
        _position = wordStart;
        _container = Container(model, wordStart);
    }

    public string For(string name)
    {
        var symbols = _model.LookupSymbols(_position, _container, name, includeReducedExtensionMethods: true);
        if (symbols.IsDefaultOrEmpty)
            return "";
        var signature = SymbolSignatures.Of(symbols[0], _model, _position);
        var overloads = symbols.Length - 1;
        return overloads switch
        {
            0 => signature,
            1 => $"{signature} (+1 overload)",
            _ => $"{signature} (+{overloads} overloads)",
        };
    }

    /// <summary>What a member access's left side names: a namespace or type, or the type of a value.</summary>
    private static INamespaceOrTypeSymbol? Container(SemanticModel model, int wordStart)
    {
        if (wordStart == 0)
            return null;
        var dot = model.SyntaxTree.GetRoot().FindToken(wordStart - 1);
        var left = dot.IsKind(SyntaxKind.DotToken) ? dot.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            _ => null,
        } : null;
        if (left is null)
            return null;
        return model.GetSymbolInfo(left).Symbol as INamespaceOrTypeSymbol ?? model.GetTypeInfo(left).Type;
    }
}
