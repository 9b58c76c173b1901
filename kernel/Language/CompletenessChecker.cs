using CSharpKernel.Execution;
using CSharpKernel.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CSharpKernel.Language;

/// <summary>
/// Answers is_complete from Roslyn's parser: may the front end run this text yet? Magic lines
/// are the kernel's, not C#: a <c>%line</c> magic is a complete line, and a <c>%%cell</c> magic
/// waits for a body. <c>#r</c> and <c>#load</c> are script directives Roslyn parses itself.
/// </summary>
public static class CompletenessChecker
{
    public const string Complete = "complete";
    public const string Incomplete = "incomplete";
    public const string Invalid = "invalid";

    private const string IndentUnit = "    ";

    public static IsCompleteReply Check(string code)
    {
        var csharp = MagicLines.Blank(code, out var cellMagic);
        if (cellMagic && string.IsNullOrWhiteSpace(csharp))
            return new IsCompleteReply { Status = Incomplete, Indent = "" };
        if (string.IsNullOrWhiteSpace(csharp))
            return new IsCompleteReply { Status = Complete };
        var tree = CSharpSyntaxTree.ParseText(csharp, CellClassifier.ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
            return new IsCompleteReply { Status = Incomplete, Indent = Indent(tree, csharp) };
        var invalid = tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        return new IsCompleteReply { Status = invalid ? Invalid : Complete };
    }

    /// <summary>
    /// Where the next line starts: one unit inside the innermost bracket still open, measured from
    /// the line that opened it, and one more after a header still waiting for its statement
    /// (<c>if (x)</c>, <c>else</c>, <c>x =&gt;</c>, a binary operator at the end of the line).
    /// </summary>
    private static string Indent(SyntaxTree tree, string code)
    {
        var open = new Stack<SyntaxToken>();
        SyntaxToken last = default;
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsMissing || token.IsKind(SyntaxKind.EndOfFileToken))
                continue;
            last = token;
            if (token.Kind() is SyntaxKind.OpenBraceToken or SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken)
                open.Push(token);
            else if (token.Kind() is SyntaxKind.CloseBraceToken or SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken && open.Count > 0)
                open.Pop();
        }
        var text = tree.GetText();
        var indent = open.TryPeek(out var innermost) ? LeadingWhitespace(text, innermost) + IndentUnit : "";
        return AwaitsStatement(last) ? indent + IndentUnit : indent;
    }

    private static bool AwaitsStatement(SyntaxToken last) =>
        last.Kind() is SyntaxKind.ElseKeyword or SyntaxKind.EqualsGreaterThanToken or SyntaxKind.EqualsToken
            or SyntaxKind.PlusToken or SyntaxKind.MinusToken or SyntaxKind.AsteriskToken or SyntaxKind.SlashToken
            or SyntaxKind.AmpersandAmpersandToken or SyntaxKind.BarBarToken or SyntaxKind.QuestionQuestionToken
            or SyntaxKind.DoKeyword
        || (last.IsKind(SyntaxKind.CloseParenToken) && last.Parent?.Kind() is SyntaxKind.IfStatement or SyntaxKind.WhileStatement
            or SyntaxKind.ForStatement or SyntaxKind.ForEachStatement or SyntaxKind.UsingStatement or SyntaxKind.LockStatement
            or SyntaxKind.FixedStatement);

    private static string LeadingWhitespace(Microsoft.CodeAnalysis.Text.SourceText text, SyntaxToken token)
    {
        var line = text.Lines.GetLineFromPosition(token.SpanStart).ToString();
        return line[..(line.Length - line.TrimStart().Length)];
    }
}
