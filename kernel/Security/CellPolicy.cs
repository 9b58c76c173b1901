using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CSharpKernel.Security;

/// <summary>
/// The first wall: what a cell binds, decided from its semantic model, never from its text. Every
/// expression, type, name and attribute of the cell is asked for the symbol it binds (aliases,
/// <c>using static</c> and <c>global::</c> bind the same symbols as the full name), its type and
/// any user-defined conversion; the pattern methods of <c>foreach</c>, <c>await</c>,
/// deconstruction, queries and collection initializers are asked too. <c>nameof</c>'s arguments
/// name a symbol without using it and are exempt. The unsafe constructs are refused by their syntax
/// (they are language, not symbols). One refusal is kept per place and per API on a line, so that
/// <c>System.IO.File.ReadAllText(p)</c> is one refusal, not four.
/// </summary>
internal sealed class CellPolicy
{
    private readonly SecurityLevel _level;

    public CellPolicy(SecurityLevel level) => _level = level;

    public SecurityLevel Level => _level;

    /// <summary>Whether anything is checked at all: unrestricted costs nothing.</summary>
    public bool Checks => _level < SecurityLevel.Unrestricted;

    /// <summary>What the tree refuses, in the order it is written.</summary>
    /// <param name="skipName">Names the engine wrote into the checked text itself (a captured value's variable), not the user.</param>
    public IReadOnlyList<PolicyRefusal> Check(SemanticModel model, Func<string, bool>? skipName = null, CancellationToken token = default)
    {
        if (!Checks)
            return [];
        var symbols = new PolicySymbols(_level);
        var found = new List<PolicyRefusal>();
        var places = new HashSet<int>();
        var perLine = new HashSet<(int, string)>();
        var tree = model.SyntaxTree;

        void Refuse(SyntaxNode node, string? api)
        {
            if (api is null || !places.Add(node.SpanStart))
                return;
            var at = tree.GetLineSpan(node.Span).StartLinePosition;
            if (perLine.Add((at.Line, api)))
                found.Add(new PolicyRefusal(api, _level, tree.FilePath, node.SpanStart, at.Line + 1, at.Character + 1));
        }

        // Parts whose verdict their parent's holds are not asked again: asking is most of the cost.
        var covered = new PolicyCover();
        var root = tree.GetRoot(token);
        foreach (var node in root.DescendantNodes(n => !IsNameOf(model, n, token)))
        {
            token.ThrowIfCancellationRequested();
            var isCovered = covered.Take(node);
            if (node is IdentifierNameSyntax { IsVar: true } || IsNamePart(node) || IsNamespaceAlias(node)
                || (node is IdentifierNameSyntax name && skipName?.Invoke(name.Identifier.ValueText) == true))
                continue;
            Refuse(node, Construct(node, model, token));
            if (isCovered)
                continue;
            if (node is ExpressionSyntax or AttributeSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax)
            {
                var info = model.GetSymbolInfo(node, token);
                Refuse(node, symbols.Refusal(info.Symbol) ?? info.CandidateSymbols.Select(symbols.Refusal).FirstOrDefault(r => r is not null));
                covered.BySymbol(node, info.Symbol);
            }
            if (node is ExpressionSyntax expression)
            {
                var type = model.GetTypeInfo(expression, token);
                Refuse(node, symbols.Refusal(type.Type) ?? symbols.Refusal(type.ConvertedType));
                var conversion = model.GetConversion(expression, token);
                if (conversion.IsUserDefined)
                    Refuse(node, symbols.Refusal(conversion.MethodSymbol));
                if (node is ObjectCreationExpressionSyntax creation && type.Type is { TypeKind: not TypeKind.Error } created
                    && symbols.Refusal(created) is null)
                    covered.AllowedType(creation.Type);
            }
            foreach (var patternMethod in PatternSymbols(node, model, token))
                Refuse(node, symbols.Refusal(patternMethod));
        }
        return found;
    }

    /// <summary>The language's own ways out of the type system: refused below unrestricted by their syntax.</summary>
    private string? Construct(SyntaxNode node, SemanticModel model, CancellationToken token)
    {
        switch (node)
        {
            case UnsafeStatementSyntax:
            case MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.UnsafeKeyword):
            case LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.UnsafeKeyword):
                return "unsafe code";
            case FixedStatementSyntax:
                return "a fixed statement";
            case MethodDeclarationSyntax method when method.Modifiers.Any(SyntaxKind.ExternKeyword):
                return $"the extern method {method.Identifier.ValueText}";
            case LocalFunctionStatementSyntax function when function.Modifiers.Any(SyntaxKind.ExternKeyword):
                return $"the extern method {function.Identifier.ValueText}";
            case FunctionPointerTypeSyntax:
                return "function pointers";
            case StackAllocArrayCreationExpressionSyntax allocation when model.GetTypeInfo(allocation, token).ConvertedType is IPointerTypeSymbol:
                return "stackalloc into a pointer";
            default:
                return null;
        }
    }

    /// <summary>The methods C# calls for a statement or expression without naming them.</summary>
    private static IEnumerable<ISymbol?> PatternSymbols(SyntaxNode node, SemanticModel model, CancellationToken token)
    {
        switch (node)
        {
            case CommonForEachStatementSyntax loop:
                var each = model.GetForEachStatementInfo(loop);
                ISymbol?[] methods = [each.GetEnumeratorMethod, each.MoveNextMethod, each.CurrentProperty, each.DisposeMethod];
                return loop is ForEachVariableStatementSyntax deconstructing ? methods.Concat(Deconstructions(model.GetDeconstructionInfo(deconstructing))) : methods;
            case AwaitExpressionSyntax wait:
                var awaited = model.GetAwaitExpressionInfo(wait);
                return [awaited.GetAwaiterMethod, awaited.GetResultMethod, awaited.IsCompletedProperty];
            case AssignmentExpressionSyntax assignment when assignment.Left is TupleExpressionSyntax or DeclarationExpressionSyntax:
                return Deconstructions(model.GetDeconstructionInfo(assignment));
            case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.CollectionInitializerExpression } initializer:
                return initializer.Expressions.Select(e => model.GetCollectionInitializerSymbolInfo(e, token).Symbol);
            case QueryClauseSyntax clause:
                var query = model.GetQueryClauseInfo(clause, token);
                return [query.OperationInfo.Symbol, query.CastInfo.Symbol];
            default:
                return [];
        }
    }

    private static IEnumerable<ISymbol?> Deconstructions(DeconstructionInfo info)
    {
        yield return info.Method;
        foreach (var nested in info.Nested)
        {
            foreach (var method in Deconstructions(nested))
                yield return method;
        }
    }

    /// <summary>The right of <c>A.B</c>, <c>a?.B</c> or <c>alias::B</c>: it binds what the whole binds, which was decided already.</summary>
    private static bool IsNamePart(SyntaxNode node) => node.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Name == node,
        QualifiedNameSyntax qualified => qualified.Right == node,
        AliasQualifiedNameSyntax alias => alias.Name == node,
        MemberBindingExpressionSyntax binding => binding.Name == node,
        _ => false,
    };

    /// <summary>The left of <c>alias::B</c>: always a namespace's alias (or <c>global</c>), which no level refuses.</summary>
    private static bool IsNamespaceAlias(SyntaxNode node) => node.Parent is AliasQualifiedNameSyntax alias && alias.Alias == node;

    /// <summary>The argument list of <c>nameof(...)</c>, which names a symbol without using it.</summary>
    private static bool IsNameOf(SemanticModel model, SyntaxNode node, CancellationToken token) =>
        node is ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } invocation }
        && model.GetOperation(invocation, token) is INameOfOperation;
}
