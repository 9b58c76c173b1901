using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CSharpKernel.Magics.Syntax;

/// <summary>
/// The one grammar of the kernel's own lines in a cell. Execution, is_complete and completion all
/// read cells here, so that what one of them calls a command the others call one too. A cell is:
/// <list type="bullet">
/// <item>leading blank lines and comments, and a <c>#!csharp</c> line, which says what the cell already is;</item>
/// <item>then, standing at the start of the first line that is none of those, at most one command:
/// <c>%name args</c> (a line magic: the lines after it are a cell of their own, so another command may
/// start them), <c>%%name args</c> (a cell magic: the lines after it are its body, itself a cell), or
/// <c>#!name args</c>, .NET Interactive's spelling, a line or a cell magic as <see cref="HashBangSpellings"/>
/// says, and any other name refuses the cell; under <see cref="ForeignBodies"/> the rest is not C#;</item>
/// <item>or, the whole cell on one line, help on a name: <c>?name</c>, <c>??name</c>, <c>name?</c>, <c>name??</c>;</item>
/// <item>the rest is C#, out of which <c>#r "nuget: ..."</c>, <c>#:package Name@Version</c> and <c>#i "nuget: ..."</c>
/// are taken wherever the compiler sees a directive (never in a string or a comment). <c>#r "path"</c> and
/// <c>#load</c> are C#'s own directives and stay for the compiler.</item>
/// </list>
/// A <c>%name</c> further down a cell is C#, as the compiler reads it (a remainder operator that starts a line),
/// because that is where execution has always looked for commands.
/// </summary>
internal static class MagicSyntax
{
    public const string LinePrefix = "%";
    public const string CellPrefix = "%%";
    public const string HashBangPrefix = "#!";
    public const string Help = "?";
    public const string DetailedHelp = "??";

    /// <summary>
    /// The name of an invocation for any other <c>#!name</c>: another kernel's cell (<c>#!fsharp</c>) or a
    /// .NET Interactive command this kernel does not have (<c>#!connect</c>). Its arguments are the name,
    /// so that the error can say what the kernel has instead of running the rest as C#.
    /// </summary>
    public const string UnknownHashBang = "#!";

    public const string CSharpKernelName = "csharp";

    /// <summary>How a <c>#r</c> names a package rather than a file.</summary>
    public const string NugetPrefix = "nuget:";

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

    /// <summary>The commands whose body is not C#: the cell is shown as it is, never compiled.</summary>
    public static readonly IReadOnlySet<string> ForeignBodies = new HashSet<string>(StringComparer.Ordinal) { "html", "markdown", "javascript" };

    /// <summary>.NET Interactive's names of the C# kernel: a first line naming it says what the cell already is.</summary>
    public static readonly IReadOnlySet<string> CSharpKernelNames = new HashSet<string>(StringComparer.Ordinal) { CSharpKernelName, "c#", "C#" };

    private const string PackageKeyword = "package";
    private const string SourceKeyword = "i";

    // Help is one short line; longer cells are code, and need not be tokenized again.
    private const int MaxHelpLength = 200;

    // Only where directives stand is read here, and the lexer finds them the same in every language version.
    private static readonly CSharpParseOptions ScriptParsing = CSharpParseOptions.Default.WithKind(SourceCodeKind.Script);

    /// <summary>Whether a command's name is one users type after <c>%</c>, for the lists the kernel shows.</summary>
    public static bool IsListed(string name) => name is not (Help or DetailedHelp or UnknownHashBang);

    public static MagicCell Read(string code)
    {
        var lines = new List<MagicLine>();
        var commandPositions = new List<int>();
        int? foreignBody = null;
        if (HelpRequest(code) is { } help)
            lines.Add(help);
        else
            foreignBody = ReadCell(code, lines, commandPositions);
        return new MagicCell(code, lines, commandPositions, foreignBody);
    }

    /// <summary>The offset of the line after the one that holds <paramref name="offset"/>, or the end of the text.</summary>
    public static int NextLine(string code, int offset)
    {
        var end = code.IndexOf('\n', offset);
        return end < 0 ? code.Length : end + 1;
    }

    /// <summary>
    /// Reads the cell and each cell that follows a command in it, a loop rather than a recursion because a
    /// cell may hold any number of command lines; returns where a body that is not C# starts, if it has one.
    /// </summary>
    private static int? ReadCell(string code, List<MagicLine> lines, List<int> commandPositions)
    {
        var start = 0;
        while (SkipComments(code, start) is var position && position < code.Length && StartsItsLine(code, position))
        {
            commandPositions.Add(position);
            if (Command(code, position) is not { } command)
                break;
            lines.Add(command);
            start = NextLine(code, command.End);
            if (command.Kind == MagicLineKind.RefusedHashBang
                || (command.Kind is MagicLineKind.LineMagic or MagicLineKind.CellMagic && ForeignBodies.Contains(command.Name)))
                return start;
        }
        ReadDirectives(code, start, lines);
        return null;
    }

    private static int SkipComments(string code, int position)
    {
        while (position < code.Length)
        {
            if (char.IsWhiteSpace(code[position]))
                position++;
            else if (string.CompareOrdinal(code, position, "//", 0, 2) == 0)
                position = LineEnd(code, position);
            else if (string.CompareOrdinal(code, position, "/*", 0, 2) == 0)
                position = code.IndexOf("*/", position + 2, StringComparison.Ordinal) is var close and >= 0 ? close + 2 : code.Length;
            else
                break;
        }
        return position;
    }

    /// <summary>A <c>%</c>, <c>%%</c> or <c>#!</c> line at <paramref name="position"/>, or null when the line there is C#.</summary>
    private static MagicLine? Command(string code, int position)
    {
        var end = LineEnd(code, position);
        if (string.CompareOrdinal(code, position, CellPrefix, 0, 2) == 0)
            return Named(code, position, end, CellPrefix, _ => MagicLineKind.CellMagic);
        if (code[position] == LinePrefix[0])
            return Named(code, position, end, LinePrefix, _ => MagicLineKind.LineMagic);
        if (string.CompareOrdinal(code, position, HashBangPrefix, 0, 2) == 0)
            return Named(code, position, end, HashBangPrefix, HashBangKind);
        return null;
    }

    private static MagicLineKind HashBangKind(string name) =>
        CSharpKernelNames.Contains(name) ? MagicLineKind.KernelName
        : HashBangSpellings.TryGetValue(name, out var onCell) ? onCell ? MagicLineKind.CellMagic : MagicLineKind.LineMagic
        : MagicLineKind.RefusedHashBang;

    /// <summary>
    /// A prefix, a name up to the first white space, and the rest of the line as arguments. A name starts
    /// with a letter: <c>% 3</c> is the remainder operator, <c>#!/usr/bin/env</c> a shebang.
    /// </summary>
    private static MagicLine? Named(string code, int start, int end, string prefix, Func<string, MagicLineKind> kind)
    {
        var nameStart = start + prefix.Length;
        var nameEnd = nameStart;
        while (nameEnd < end && !char.IsWhiteSpace(code[nameEnd]))
            nameEnd++;
        if (nameEnd == nameStart || !char.IsLetter(code[nameStart]))
            return null;
        var argumentStart = SkipSpaces(code, nameEnd, end);
        var name = code[nameStart..nameEnd];
        return new MagicLine(kind(name), prefix, name, code[argumentStart..end].Trim(), start, end, argumentStart, end);
    }

    /// <summary><c>?name</c>, <c>??name</c>, <c>name?</c> or <c>name??</c>, the whole cell: help on a dotted name, read from its tokens.</summary>
    private static MagicLine? HelpRequest(string code)
    {
        if (code.Length > MaxHelpLength || code.TrimEnd().Contains('\n'))
            return null;
        var tokens = SyntaxFactory.ParseTokens(code).Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        if (tokens.Count < 2)
            return null;
        var marker = IsHelpMarker(tokens[0]) ? tokens[0] : IsHelpMarker(tokens[^1]) ? tokens[^1] : default;
        if (marker == default)
            return null;
        var name = tokens[0] == marker ? tokens.Skip(1).ToList() : tokens.Take(tokens.Count - 1).ToList();
        var isDottedName = name.Count % 2 == 1 && name.Select((t, i) => i % 2 == 0
            ? t.IsKind(SyntaxKind.IdentifierToken) || SyntaxFacts.IsPredefinedType(t.Kind())
            : t.IsKind(SyntaxKind.DotToken)).All(ok => ok);
        if (!isDottedName)
            return null;
        var prefix = marker.IsKind(SyntaxKind.QuestionQuestionToken) ? DetailedHelp : Help;
        var (start, end) = (tokens[0].SpanStart, tokens[^1].Span.End);
        return new MagicLine(MagicLineKind.Help, prefix, prefix, string.Concat(name.Select(t => t.Text)), start, end, name[0].SpanStart, name[^1].Span.End);
    }

    private static bool IsHelpMarker(SyntaxToken token) =>
        token.IsKind(SyntaxKind.QuestionToken) || token.IsKind(SyntaxKind.QuestionQuestionToken);

    /// <summary>The package directives of the C# from <paramref name="start"/> on, found where the compiler finds directives.</summary>
    private static void ReadDirectives(string code, int start, List<MagicLine> lines)
    {
        var csharp = code[start..];
        if (!csharp.Contains("#r", StringComparison.Ordinal) && !csharp.Contains("#:", StringComparison.Ordinal) && !csharp.Contains("#i", StringComparison.Ordinal))
            return;
        var root = CSharpSyntaxTree.ParseText(csharp, ScriptParsing).GetRoot();
        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true).Where(t => t.IsDirective))
        {
            var (directiveStart, end) = (start + trivia.SpanStart, LineEnd(code, start + trivia.SpanStart));
            var text = code[directiveStart..end].Trim();
            var line = trivia.GetStructure() switch
            {
                ReferenceDirectiveTriviaSyntax reference when reference.File.ValueText.TrimStart().StartsWith(NugetPrefix, StringComparison.OrdinalIgnoreCase) =>
                    Directive(code, MagicLineKind.PackageReference, "#", "r", reference.File.ValueText, directiveStart, end),
                IgnoredDirectiveTriviaSyntax when text[2..].TrimStart() is var body && body.StartsWith(PackageKeyword + " ", StringComparison.Ordinal) =>
                    Directive(code, MagicLineKind.PackageReference, "#:", PackageKeyword, body[PackageKeyword.Length..].Trim(), directiveStart, end),
                BadDirectiveTriviaSyntax bad when bad.Identifier.ValueText == SourceKeyword =>
                    Directive(code, MagicLineKind.PackageSource, "#", SourceKeyword, text[(1 + SourceKeyword.Length)..].Trim(), directiveStart, end),
                _ => null,
            };
            if (line is not null)
                lines.Add(line);
        }
    }

    private static MagicLine Directive(string code, MagicLineKind kind, string prefix, string name, string arguments, int start, int end)
    {
        var argumentStart = SkipSpaces(code, SkipSpaces(code, start + prefix.Length, end) + name.Length, end);
        return new MagicLine(kind, prefix, name, arguments, start, end, argumentStart, end);
    }

    private static int SkipSpaces(string code, int position, int end)
    {
        while (position < end && char.IsWhiteSpace(code[position]))
            position++;
        return Math.Min(position, end);
    }

    private static bool StartsItsLine(string code, int position)
    {
        for (var i = position - 1; i >= 0 && code[i] != '\n'; i--)
        {
            if (!char.IsWhiteSpace(code[i]))
                return false;
        }
        return true;
    }

    /// <summary>Where the line that holds <paramref name="position"/> ends, before its line break.</summary>
    private static int LineEnd(string code, int position)
    {
        var end = code.IndexOf('\n', position);
        end = end < 0 ? code.Length : end;
        return end > position && code[end - 1] == '\r' ? end - 1 : end;
    }
}
