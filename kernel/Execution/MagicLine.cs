using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CSharpKernel.Execution;

/// <summary>
/// Finds a %-command in a parsed cell: its first token (skipped or not) is a <c>%</c> that starts
/// its line. Comments before it are trivia and do not count; a % inside a string or after code
/// on the same line is not a command.
/// </summary>
public static class MagicLine
{
    public static MagicInvocation? Find(SyntaxTree tree)
    {
        var first = tree.GetRoot().GetFirstToken(includeZeroWidth: false, includeSkipped: true, includeDirectives: true);
        if (!first.IsKind(SyntaxKind.PercentToken))
            return null;
        var text = tree.GetText();
        var line = text.Lines.GetLineFromPosition(first.SpanStart);
        var before = text.ToString(TextSpan.FromBounds(line.Start, first.SpanStart));
        if (!string.IsNullOrWhiteSpace(before))
            return null;

        var command = text.ToString(TextSpan.FromBounds(first.SpanStart, line.End));
        var isCellMagic = command.StartsWith("%%", StringComparison.Ordinal);
        var rest = command[(isCellMagic ? 2 : 1)..];
        var nameEnd = 0;
        while (nameEnd < rest.Length && !char.IsWhiteSpace(rest[nameEnd]))
            nameEnd++;
        // The body keeps its line numbers: blank lines stand in for the lines above it.
        var body = line.EndIncludingLineBreak < text.Length
            ? new string('\n', line.LineNumber + 1) + text.ToString(TextSpan.FromBounds(line.EndIncludingLineBreak, text.Length))
            : "";
        return new MagicInvocation(rest[..nameEnd], rest[nameEnd..].Trim(), body, isCellMagic);
    }
}
