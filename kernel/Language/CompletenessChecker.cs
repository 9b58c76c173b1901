using CSharpKernel.Execution;
using CSharpKernel.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CSharpKernel.Language;

/// <summary>
/// Answers is_complete from Roslyn's parser: may the front end run this text yet? Magic lines
/// are the kernel's, not C#: a <c>%line</c> magic is a complete line, and a <c>%%cell</c> magic
/// waits for a body (so does <c>#!time</c>), and a cell under <c>#!html</c>, <c>#!markdown</c>,
/// <c>#!javascript</c> or a refused <c>#!name</c> is never C#, so it can always run.
/// <c>#r</c> and <c>#load</c> are script directives Roslyn parses itself.
/// </summary>
internal static class CompletenessChecker
{
    public const string Complete = "complete";
    public const string Incomplete = "incomplete";
    public const string Invalid = "invalid";

    private const string IndentUnit = "    ";

    public static IsCompleteReply Check(string code)
    {
        if (MagicLines.HasForeignBody(code))
            return new IsCompleteReply { Status = Complete };
        var csharp = MagicLines.Blank(code, out var cellMagic);
        if (cellMagic && string.IsNullOrWhiteSpace(csharp))
            return new IsCompleteReply { Status = Incomplete, Indent = "" };
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
