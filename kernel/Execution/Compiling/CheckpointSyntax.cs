using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace CSharpKernel.Execution;

/// <summary>
/// Builds the statements the rewriter inserts, and places them so that every token of the
/// user's code stays on its line: inserted tokens carry no line breaks, and where one goes in
/// front of a user token it takes that token's leading trivia (so a #if or a comment that
/// opened the line still opens it), and where one goes after it takes the trailing trivia.
/// </summary>
internal static class CheckpointSyntax
{
    private const string CheckpointType = "global::CSharpKernel.Execution.Checkpoint";

    public static readonly StatementSyntax Poll = ParseStatement($"{CheckpointType}.{nameof(Checkpoint.Poll)}();");
    public static readonly StatementSyntax Enter = ParseStatement($"{CheckpointType}.{nameof(Checkpoint.Enter)}();");

    /// <summary>The block with the check as its first statement.</summary>
    public static BlockSyntax Prepend(BlockSyntax block, StatementSyntax check)
    {
        if (block.Statements.Count == 0)
        {
            var close = block.CloseBraceToken;
            return block.WithStatements([check.WithLeadingTrivia(close.LeadingTrivia)])
                .WithCloseBraceToken(close.WithLeadingTrivia());
        }
        var first = block.Statements[0];
        var statements = block.Statements.Replace(first, first.WithoutLeadingTrivia())
            .Insert(0, check.WithLeadingTrivia(first.GetLeadingTrivia()));
        return block.WithStatements(statements);
    }

    /// <summary>
    /// A loop body or a goto with the check before it. A declaration or a label cannot be a loop
    /// body: that is the user's syntax error, and wrapping it in a block would hide it.
    /// </summary>
    public static StatementSyntax Guard(StatementSyntax statement, StatementSyntax check) => statement switch
    {
        BlockSyntax block => Prepend(block, check),
        LocalDeclarationStatementSyntax or LabeledStatementSyntax or LocalFunctionStatementSyntax => statement,
        _ => Block(
            Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(statement.GetLeadingTrivia()),
            [check, statement.WithoutTrivia()],
            Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(statement.GetTrailingTrivia())),
    };

    /// <summary>
    /// An expression body as a block: <c>{ Enter(); return expression; }</c>, or with the
    /// expression as a statement when nothing is returned. The arrow and semicolon it replaces
    /// hand their trivia to the braces.
    /// </summary>
    public static BlockSyntax BodyOf(ExpressionSyntax expression, bool returnsValue, SyntaxToken arrow, SyntaxToken semicolon)
    {
        var bare = expression.WithoutTrivia();
        StatementSyntax statement = (bare, returnsValue) switch
        {
            (ThrowExpressionSyntax thrown, _) => ThrowStatement(thrown.ThrowKeyword, thrown.Expression, Token(SyntaxKind.SemicolonToken)),
            (_, true) => ReturnStatement(Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(Space), bare, Token(SyntaxKind.SemicolonToken)),
            _ => ExpressionStatement(bare),
        };
        return Block(
            Token(arrow.LeadingTrivia, SyntaxKind.OpenBraceToken, arrow.TrailingTrivia),
            [Enter.WithLeadingTrivia(expression.GetLeadingTrivia()), statement],
            Token(semicolon.LeadingTrivia.AddRange(expression.GetTrailingTrivia()), SyntaxKind.CloseBraceToken, semicolon.TrailingTrivia));
    }

    /// <summary>True when a method declared with this return type has no value to return from an expression body.</summary>
    public static bool ReturnsNothing(TypeSyntax returnType, SyntaxTokenList modifiers) =>
        returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
        || (modifiers.Any(SyntaxKind.AsyncKeyword) && Rightmost(returnType) is not GenericNameSyntax);

    public static bool ReturnsNothing(IMethodSymbol method) =>
        method.ReturnsVoid || (method.IsAsync && method.ReturnType is INamedTypeSymbol { IsGenericType: false });

    private static TypeSyntax Rightmost(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right,
        AliasQualifiedNameSyntax alias => alias.Name,
        _ => type,
    };
}
