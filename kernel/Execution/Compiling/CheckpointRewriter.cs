using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static CSharpKernel.Execution.CheckpointSyntax;

namespace CSharpKernel.Execution;

/// <summary>
/// Compiles interrupt checkpoints into a cell: <see cref="Checkpoint.Poll"/> at the head of every
/// loop body and before every goto (so every back-edge passes one), <see cref="Checkpoint.Enter"/>
/// at the entry of every method, constructor, operator, accessor, local function, lambda and
/// anonymous method (so recursion passes one, and meets the stack guard). Lines do not move, so
/// runtime tracebacks name the user's lines. Lambdas that become expression trees are left alone:
/// a call in them would change the query they describe.
/// </summary>
internal sealed class CheckpointRewriter : CSharpSyntaxRewriter
{
    private readonly Func<SemanticModel> _model;

    private CheckpointRewriter(Func<SemanticModel> model) => _model = model;

    /// <summary>
    /// The cell's text with checkpoints, or null when there is none to add, or when it has syntax
    /// errors (they are reported on the text as written). The semantic model is asked for only by
    /// expression-bodied lambdas.
    /// </summary>
    public static string? Rewrite(SyntaxTree tree, Func<SemanticModel> model)
    {
        var root = tree.GetRoot();
        if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            return null;
        var cached = new Lazy<SemanticModel>(model);
        var rewritten = new CheckpointRewriter(() => cached.Value).Visit(root);
        return rewritten == root ? null : rewritten.ToFullString();
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement, Poll));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement, Poll));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement, Poll));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement, Poll));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Guard(visited.Statement, Poll));
    }

    public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node) =>
        Guard((GotoStatementSyntax)base.VisitGotoStatement(node)!, Poll);

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        return WithEntry(visited, !ReturnsNothing(visited.ReturnType, visited.Modifiers));
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
        WithEntry((ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!, returnsValue: false);

    public override SyntaxNode? VisitDestructorDeclaration(DestructorDeclarationSyntax node) =>
        WithEntry((DestructorDeclarationSyntax)base.VisitDestructorDeclaration(node)!, returnsValue: false);

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) =>
        WithEntry((OperatorDeclarationSyntax)base.VisitOperatorDeclaration(node)!, returnsValue: true);

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
        WithEntry((ConversionOperatorDeclarationSyntax)base.VisitConversionOperatorDeclaration(node)!, returnsValue: true);

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        if (visited.Body is { } body)
            return visited.WithBody(Prepend(body, Enter));
        if (visited.ExpressionBody is not { } arrow)
            return visited;
        var returnsValue = !ReturnsNothing(visited.ReturnType, visited.Modifiers);
        return visited.WithExpressionBody(null).WithSemicolonToken(default)
            .WithBody(BodyOf(arrow.Expression, returnsValue, arrow.ArrowToken, visited.SemicolonToken));
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        if (visited.Body is { } body)
            return visited.WithBody(Prepend(body, Enter));
        if (visited.ExpressionBody is not { } arrow)
            return visited;
        var returnsValue = visited.IsKind(SyntaxKind.GetAccessorDeclaration);
        return visited.WithExpressionBody(null).WithSemicolonToken(default)
            .WithBody(BodyOf(arrow.Expression, returnsValue, arrow.ArrowToken, visited.SemicolonToken));
    }

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        // The kernel's accessors of stored values: read on every use of the value, and they neither loop nor recurse.
        if (CellPrelude.IsAccessor(node))
            return node;
        var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default)
                .WithAccessorList(Getter(arrow, visited.SemicolonToken))
            : visited;
    }

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var visited = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        return visited.ExpressionBody is { } arrow
            ? visited.WithExpressionBody(null).WithSemicolonToken(default)
                .WithAccessorList(Getter(arrow, visited.SemicolonToken))
            : visited;
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        IsExpressionTree(node) ? node : WithEntry(node, (AnonymousFunctionExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!);

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        IsExpressionTree(node) ? node : WithEntry(node, (AnonymousFunctionExpressionSyntax)base.VisitSimpleLambdaExpression(node)!);

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) =>
        IsExpressionTree(node) ? node : WithEntry(node, (AnonymousFunctionExpressionSyntax)base.VisitAnonymousMethodExpression(node)!);

    private static BaseMethodDeclarationSyntax WithEntry(BaseMethodDeclarationSyntax method, bool returnsValue)
    {
        if (method.Body is { } body)
            return method.WithBody(Prepend(body, Enter));
        if (method.ExpressionBody is not { } arrow)
            return method;
        return method.WithExpressionBody(null).WithSemicolonToken(default)
            .WithBody(BodyOf(arrow.Expression, returnsValue, arrow.ArrowToken, method.SemicolonToken));
    }

    /// <summary>Whether an expression body returns a value depends on the delegate it becomes, which only the binder knows.</summary>
    private SyntaxNode WithEntry(AnonymousFunctionExpressionSyntax original, AnonymousFunctionExpressionSyntax visited)
    {
        if (visited.Block is { } block)
            return visited.WithBlock(Prepend(block, Enter));
        if (visited.ExpressionBody is not { } expression || _model().GetSymbolInfo(original).Symbol is not IMethodSymbol lambda)
            return visited;
        return visited.WithExpressionBody(null)
            .WithBlock(BodyOf(expression, !ReturnsNothing(lambda), default, default));
    }

    /// <summary>Block-bodied functions cannot be expression trees, so only expression bodies ask the binder.</summary>
    private bool IsExpressionTree(AnonymousFunctionExpressionSyntax function)
    {
        if (function.ExpressionBody is null)
            return false;
        var type = _model().GetTypeInfo(function).ConvertedType;
        if (type is null or { TypeKind: TypeKind.Error })
            return true;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name is "Expression" or "LambdaExpression"
                && current.ContainingNamespace?.ToDisplayString() == "System.Linq.Expressions")
                return true;
        }
        return false;
    }

    private static AccessorListSyntax Getter(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon) =>
        SyntaxFactory.AccessorList(
            SyntaxFactory.Token(SyntaxKind.OpenBraceToken),
            [SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration,
                BodyOf(arrow.Expression, true, arrow.ArrowToken, semicolon.WithTrailingTrivia()))],
            SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(semicolon.TrailingTrivia));
}
