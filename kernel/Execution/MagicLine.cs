using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CSharpKernel.Execution;

/// <summary>
/// Finds a %-command in a parsed cell: its first token (skipped or not) is a <c>%</c> that starts
/// its line. Comments before it are trivia and do not count; a % inside a string or after code
/// on the same line is not a command.
/// </summary>
internal static class MagicLine
{
    /// <summary>
    /// The <c>#!</c> commands, as .NET Interactive spells them, and whether each acts on the cell's
    /// body. time, who, whos, lsmagic and reset are the %-commands; html, markdown, javascript and
    /// about are .NET Interactive's own, kept for the notebooks people bring from Polyglot Notebooks.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, bool> HashBangSpellings = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["time"] = true, ["who"] = false, ["whos"] = false, ["lsmagic"] = false, ["reset"] = false,
        ["html"] = true, ["markdown"] = true, ["javascript"] = true, ["about"] = false,
    };

    /// <summary>The <c>#!</c> commands whose body is not C#: the cell is shown as it is, never compiled.</summary>
    public static readonly IReadOnlySet<string> ForeignBodies = new HashSet<string>(StringComparer.Ordinal) { "html", "markdown", "javascript" };

    /// <summary>.NET Interactive's names of the C# kernel: a first line naming it says what the cell already is.</summary>
    public static readonly IReadOnlySet<string> CSharpKernelNames = new HashSet<string>(StringComparer.Ordinal) { CSharpKernelName, "c#", "C#" };

    public const string CSharpKernelName = "csharp";

    public const string Help = "?";
    public const string DetailedHelp = "??";

    /// <summary>
    /// Any other <c>#!name</c>: another kernel's cell (<c>#!fsharp</c>) or a .NET Interactive command
    /// this kernel does not have (<c>#!connect</c>). Its invocation carries the name as its arguments,
    /// so that the error can say what the kernel has instead of running the rest as C#.
    /// </summary>
    public const string UnknownHashBang = "#!";

    /// <summary>Whether a command's name is one users type after <c>%</c>, for the lists the kernel shows.</summary>
    public static bool IsListed(string name) => name is not (Help or DetailedHelp or UnknownHashBang);

    /// <summary>The name on a <c>#!name</c> line, or null when the line is not one (a shebang path is not).</summary>
    public static string? HashBangName(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith("#!", StringComparison.Ordinal))
            return null;
        var (name, _) = SplitName(trimmed[2..]);
        return name.Length > 0 && char.IsLetter(name[0]) ? name : null;
    }
    private const int MaxHelpLength = 200;

    public static MagicInvocation? Find(SyntaxTree tree) => Percent(tree) ?? HashBang(tree) ?? HelpRequest(tree);

    private static MagicInvocation? Percent(SyntaxTree tree)
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
        var (name, arguments) = SplitName(command[(isCellMagic ? 2 : 1)..]);
        return new MagicInvocation(name, arguments, BodyAfter(text, line), isCellMagic);
    }

    /// <summary>
    /// A <c>#!name</c> as the cell's first directive. <c>#!csharp</c> and a shebang (<c>#!/usr/bin/env</c>)
    /// are left to the compiler, which ignores a first-line one; any other name is a command, known or not.
    /// </summary>
    private static MagicInvocation? HashBang(SyntaxTree tree)
    {
        // The directive is trivia in front of the cell's first real token. It need not lead the first
        // token of the tree: when what follows is not C# (#!html), the parser puts missing tokens first.
        var root = tree.GetRoot();
        var firstReal = root.GetFirstToken(includeZeroWidth: false, includeSkipped: true, includeDirectives: false);
        var before = firstReal.IsKind(SyntaxKind.None) ? root.FullSpan : TextSpan.FromBounds(0, firstReal.SpanStart);
        var directive = root.DescendantTrivia(before).FirstOrDefault(t => t.SpanStart < before.End &&
            !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia)
            && !t.IsKind(SyntaxKind.SingleLineCommentTrivia) && !t.IsKind(SyntaxKind.MultiLineCommentTrivia));
        if (!(directive.IsKind(SyntaxKind.ShebangDirectiveTrivia) || directive.IsKind(SyntaxKind.BadDirectiveTrivia)))
            return null;
        var text = tree.GetText();
        var line = text.Lines.GetLineFromPosition(directive.SpanStart);
        var command = text.ToString(TextSpan.FromBounds(directive.SpanStart, line.End));
        if (HashBangName(command) is not { } name || CSharpKernelNames.Contains(name))
            return null;
        var (_, arguments) = SplitName(command.Trim()[2..]);
        return HashBangSpellings.TryGetValue(name, out var isCellMagic)
            ? new MagicInvocation(name, arguments, BodyAfter(text, line), isCellMagic)
            : new MagicInvocation(UnknownHashBang, name, BodyAfter(text, line), IsCellMagic: true);
    }

    /// <summary><c>?name</c>, <c>??name</c>, <c>name?</c> or <c>name??</c>, the whole cell: help on a name, read from its tokens.</summary>
    private static MagicInvocation? HelpRequest(SyntaxTree tree)
    {
        // Help is one short line; longer cells are code, and need not be tokenized again.
        if (tree.Length > MaxHelpLength || tree.GetText().Lines.Count > 1)
            return null;
        var tokens = SyntaxFactory.ParseTokens(tree.GetText().ToString()).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        if (tokens.Count < 2)
            return null;
        var marker = IsHelpMarker(tokens[0]) ? tokens[0] : IsHelpMarker(tokens[^1]) ? tokens[^1] : default;
        if (marker == default)
            return null;
        var name = tokens[0] == marker ? tokens.Skip(1).ToList() : tokens.Take(tokens.Count - 1).ToList();
        var isDottedName = name.Count % 2 == 1 && name.Select((t, i) => i % 2 == 0 ? t.IsKind(SyntaxKind.IdentifierToken) || SyntaxFacts.IsPredefinedType(t.Kind()) : t.IsKind(SyntaxKind.DotToken)).All(ok => ok);
        if (!isDottedName)
            return null;
        var helpName = marker.IsKind(SyntaxKind.QuestionQuestionToken) ? DetailedHelp : Help;
        return new MagicInvocation(helpName, string.Concat(name.Select(t => t.Text)), "", IsCellMagic: false);
    }

    private static bool IsHelpMarker(SyntaxToken token) =>
        token.IsKind(SyntaxKind.QuestionToken) || token.IsKind(SyntaxKind.QuestionQuestionToken);

    private static (string Name, string Arguments) SplitName(string command)
    {
        var nameEnd = 0;
        while (nameEnd < command.Length && !char.IsWhiteSpace(command[nameEnd]))
            nameEnd++;
        return (command[..nameEnd], command[nameEnd..].Trim());
    }

    /// <summary>The lines after the command; blank lines stand in for the lines above, so line numbers stay the cell's.</summary>
    private static string BodyAfter(SourceText text, TextLine line) =>
        line.EndIncludingLineBreak < text.Length
            ? new string('\n', line.LineNumber + 1) + text.ToString(TextSpan.FromBounds(line.EndIncludingLineBreak, text.Length))
            : "";
}
