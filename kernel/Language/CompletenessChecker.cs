using CSharpKernel.Execution;
using CSharpKernel.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CSharpKernel.Language;

/// <summary>Answers is_complete from Roslyn's parser: may the front end run this text yet?</summary>
public static class CompletenessChecker
{
    public const string Complete = "complete";
    public const string Incomplete = "incomplete";
    public const string Invalid = "invalid";

    private const string IndentUnit = "    ";

    public static IsCompleteReply Check(string code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return new IsCompleteReply { Status = Complete };
        var tree = CSharpSyntaxTree.ParseText(code, CellClassifier.ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
            return new IsCompleteReply { Status = Incomplete, Indent = Indent(tree) };
        var invalid = tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        return new IsCompleteReply { Status = invalid ? Invalid : Complete };
    }

    /// <summary>One indent unit per bracket left open, so a continuation line starts where the user expects.</summary>
    private static string Indent(SyntaxTree tree)
    {
        var depth = 0;
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsMissing)
                continue;
            if (token.IsKind(SyntaxKind.OpenBraceToken) || token.IsKind(SyntaxKind.OpenParenToken) || token.IsKind(SyntaxKind.OpenBracketToken))
                depth++;
            else if (token.IsKind(SyntaxKind.CloseBraceToken) || token.IsKind(SyntaxKind.CloseParenToken) || token.IsKind(SyntaxKind.CloseBracketToken))
                depth--;
        }
        return string.Concat(Enumerable.Repeat(IndentUnit, Math.Max(depth, 0)));
    }
}
