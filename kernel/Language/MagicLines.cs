using CSharpKernel.Execution;

namespace CSharpKernel.Language;

/// <summary>
/// Tells the kernel's magic lines from C#, for the parts of the language services that parse
/// cells. Blanking keeps every offset in place, so cursor positions still point where they did.
/// </summary>
internal static class MagicLines
{
    /// <summary>
    /// The text with each magic line blanked, and whether the cell starts with a cell magic, whose
    /// remaining lines are its body.
    /// </summary>
    public static string Blank(string code, out bool cellMagic) => Rewrite(code, line => new string(' ', line.Length), out cellMagic);

    /// <summary>The text with only the magic names blanked: what follows a name on its line (<c>%time Math.Max(1, 2)</c>) is C#.</summary>
    public static string BlankNames(string code) => Rewrite(code, BlankName, out _);

    /// <summary>
    /// Whether the cell's body is not C# and is never compiled: its first line is <c>#!html</c>,
    /// <c>#!markdown</c>, <c>#!javascript</c> (or their <c>%%</c> forms), or a <c>#!name</c> the kernel
    /// refuses whole (<c>#!fsharp</c>).
    /// </summary>
    public static bool HasForeignBody(string code) => FirstLine(code) is { } first && IsForeignHeader(first);

    /// <summary>Whether the cursor is past the first line of a cell whose body is not C#.</summary>
    public static bool InForeignBody(string code, int cursor)
    {
        if (!HasForeignBody(code))
            return false;
        var header = code.IndexOf(FirstLine(code)!, StringComparison.Ordinal);
        var end = code.IndexOf('\n', header);
        return end >= 0 && cursor > end;
    }

    /// <summary>A line magic: <c>%</c> then a name, at the start of the line (<c>% 3</c> stays the remainder operator).</summary>
    public static bool IsMagic(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.Length > 1 && trimmed[0] == '%' && char.IsLetter(trimmed[1]);
    }

    private static string Rewrite(string code, Func<string, string> magicLine, out bool cellMagic)
    {
        var lines = code.Split('\n');
        var first = Array.FindIndex(lines, line => line.Trim().Length > 0);
        var hashBang = first >= 0 && MagicLine.HashBangName(lines[first]) is { } name && MagicLine.HashBangSpellings.ContainsKey(name) ? name : null;
        cellMagic = first >= 0 && (lines[first].TrimStart().StartsWith("%%", StringComparison.Ordinal) || (hashBang is not null && MagicLine.HashBangSpellings[hashBang]));
        for (var i = 0; i < lines.Length; i++)
        {
            if ((i == first && (cellMagic || hashBang is not null)) || IsMagic(lines[i]))
                lines[i] = magicLine(lines[i]);
        }
        return string.Join('\n', lines);
    }

    private static bool IsForeignHeader(string line)
    {
        if (MagicLine.HashBangName(line) is { } name)
            return !MagicLine.CSharpKernelNames.Contains(name) && (MagicLine.ForeignBodies.Contains(name) || !MagicLine.HashBangSpellings.ContainsKey(name));
        var trimmed = line.Trim();
        return trimmed.StartsWith("%%", StringComparison.Ordinal) && MagicLine.ForeignBodies.Contains(trimmed[2..].Split(' ')[0]);
    }

    private static string? FirstLine(string code) => code.Split('\n').FirstOrDefault(line => line.Trim().Length > 0);

    private static string BlankName(string line)
    {
        var start = line.Length - line.TrimStart().Length;
        var end = start;
        while (end < line.Length && line[end] == '%')
            end++;
        while (end < line.Length && char.IsLetterOrDigit(line[end]))
            end++;
        return string.Concat(line.AsSpan(0, start), new string(' ', end - start), line.AsSpan(end));
    }
}
