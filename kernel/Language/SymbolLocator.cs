using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CSharpKernel.Language;

/// <summary>
/// Finds what the user points at: the name under or just before the cursor, or else the method
/// whose argument list the cursor is in (as a front end asks while the user types arguments).
/// </summary>
internal static class SymbolLocator
{
    /// <summary>The symbol and, for a method, every overload of its group; empty when there is nothing.</summary>
    public static IReadOnlyList<ISymbol> Find(SemanticModel model, int cursor)
    {
        var root = model.SyntaxTree.GetRoot();
        if (NameAt(root, cursor) is { } token && Resolve(model, token) is { Count: > 0 } named)
            return named;
        return EnclosingCall(model, root, cursor);
    }

    private static SyntaxToken? NameAt(SyntaxNode root, int cursor)
    {
        foreach (var position in new[] { cursor, cursor - 1 })
        {
            if (position < 0 || position > root.FullSpan.End)
                continue;
            var token = root.FindToken(Math.Min(position, Math.Max(root.FullSpan.End - 1, 0)));
            var touches = token.Span.Start <= cursor && cursor <= token.Span.End;
            if (touches && (token.IsKind(SyntaxKind.IdentifierToken) || SyntaxFacts.IsPredefinedType(token.Kind())
                            || token.IsKind(SyntaxKind.ThisKeyword) || token.IsKind(SyntaxKind.BaseKeyword)))
                return token;
        }
        return null;
    }

    private static IReadOnlyList<ISymbol> Resolve(SemanticModel model, SyntaxToken token)
    {
        var node = token.Parent!;
        if (model.GetDeclaredSymbol(node) is { } declared)
            return [declared];
        if (node is IdentifierNameSyntax { IsVar: true } && model.GetTypeInfo(node).Type is { } varType)
            return [varType];
        var info = model.GetSymbolInfo(node);
        if (info.Symbol is IMethodSymbol method && node is ExpressionSyntax expression)
            return Overloads(model, expression, method);
        if (info.Symbol is { } symbol)
            return [symbol];
        if (info.CandidateSymbols.Length > 0)
            return info.CandidateSymbols;
        return node is ExpressionSyntax candidate ? model.GetMemberGroup(candidate) : [];
    }

    private static IReadOnlyList<ISymbol> EnclosingCall(SemanticModel model, SyntaxNode root, int cursor)
    {
        var token = root.FindToken(Math.Max(Math.Min(cursor, root.FullSpan.End) - 1, 0));
        var arguments = token.Parent?.AncestorsAndSelf().OfType<ArgumentListSyntax>()
            .FirstOrDefault(list => list.OpenParenToken.Span.End <= cursor);
        return arguments?.Parent switch
        {
            InvocationExpressionSyntax invocation => Resolve(model, LastToken(invocation.Expression)),
            BaseObjectCreationExpressionSyntax creation => Constructors(model, creation),
            _ => [],
        };
    }

    private static SyntaxToken LastToken(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier,
        GenericNameSyntax generic => generic.Identifier,
        _ => expression.GetLastToken(),
    };

    private static IReadOnlyList<ISymbol> Constructors(SemanticModel model, BaseObjectCreationExpressionSyntax creation)
    {
        var info = model.GetSymbolInfo(creation);
        var constructor = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        return constructor?.ContainingType is { } type ? [.. type.InstanceConstructors] : [];
    }

    private static IReadOnlyList<ISymbol> Overloads(SemanticModel model, ExpressionSyntax expression, IMethodSymbol chosen)
    {
        var target = expression.Parent is MemberAccessExpressionSyntax access && access.Name == expression ? access : expression;
        var group = model.GetMemberGroup(target);
        return group.IsDefaultOrEmpty ? [chosen] : [chosen, .. group.Where(m => !SymbolEqualityComparer.Default.Equals(m, chosen))];
    }
}
