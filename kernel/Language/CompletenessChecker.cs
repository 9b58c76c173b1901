using CSharpKernel.Execution;
using CSharpKernel.Magics.Syntax;
using CSharpKernel.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CSharpKernel.Language;

/// <summary>
/// Answers is_complete: may the front end run this text yet? The cell is read as execution reads
/// it (<see cref="MagicSyntax"/>): a command line is complete, a cell magic waits for its body
/// (<c>%%time</c>, <c>#!time</c>), help on a name and a cell whose body is not C# (<c>#!html</c>,
/// a refused <c>#!fsharp</c>) can always run, and the C# that is left, package directives taken
/// out, is judged by Roslyn's parser. <c>#r "path"</c> and <c>#load</c> are directives Roslyn parses itself.
/// </summary>
internal static class CompletenessChecker
{
    public const string Complete = "complete";
    public const string Incomplete = "incomplete";
    public const string Invalid = "invalid";

    private const string IndentUnit = "    ";

    public static IsCompleteReply Check(string code)
    {
        var cell = MagicSyntax.Read(code);
        if (cell.AwaitsBody)
            return new IsCompleteReply { Status = Incomplete, Indent = "" };
        var csharp = cell.CSharp;
        if (string.IsNullOrWhiteSpace(csharp))
            return new IsCompleteReply { Status = Complete };
        var tree = CSharpSyntaxTree.ParseText(csharp, CellClassifier.ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
            return new IsCompleteReply { Status = Incomplete, Indent = Indent(tree) };
        var invalid = tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        return new IsCompleteReply { Status = invalid ? Invalid : Complete };
    }

    /// <summary>
    /// Where the next line starts: one unit per bracket still open, and one more after a header
    /// still waiting for its statement (<c>if (x)</c>, <c>else</c>, <c>x =&gt;</c>, an operator at
    /// the end of the line).
    /// </summary>
    private static string Indent(SyntaxTree tree)
    {
        var depth = 0;
        SyntaxToken last = default;
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsMissing || token.IsKind(SyntaxKind.EndOfFileToken))
                continue;
            last = token;
            if (token.Kind() is SyntaxKind.OpenBraceToken or SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken)
                depth++;
            else if (token.Kind() is SyntaxKind.CloseBraceToken or SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken)
                depth = Math.Max(depth - 1, 0);
        }
        if (AwaitsStatement(last))
            depth++;
        return string.Concat(Enumerable.Repeat(IndentUnit, depth));
    }

    private static bool AwaitsStatement(SyntaxToken last) =>
        last.Kind() is SyntaxKind.ElseKeyword or SyntaxKind.EqualsGreaterThanToken or SyntaxKind.EqualsToken
            or SyntaxKind.PlusToken or SyntaxKind.MinusToken or SyntaxKind.AsteriskToken or SyntaxKind.SlashToken
            or SyntaxKind.AmpersandAmpersandToken or SyntaxKind.BarBarToken or SyntaxKind.QuestionQuestionToken
            or SyntaxKind.DoKeyword
        || (last.IsKind(SyntaxKind.CloseParenToken) && last.Parent?.Kind() is SyntaxKind.IfStatement or SyntaxKind.WhileStatement
            or SyntaxKind.ForStatement or SyntaxKind.ForEachStatement or SyntaxKind.UsingStatement or SyntaxKind.LockStatement
            or SyntaxKind.FixedStatement);
}
