namespace CSharpKernel.Language;

/// <summary>Tells the kernel's magic lines from C#, for the parts of the language services that parse cells.</summary>
public static class MagicLines
{
    /// <summary>
    /// The text with each magic line blanked (line numbers and offsets stay put), and whether the
    /// cell starts with a cell magic, whose remaining lines are its body.
    /// </summary>
    public static string Blank(string code, out bool cellMagic)
    {
        var lines = code.Split('\n');
        var first = Array.FindIndex(lines, line => line.Trim().Length > 0);
        cellMagic = first >= 0 && lines[first].TrimStart().StartsWith("%%", StringComparison.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            if (IsMagic(lines[i]) || (cellMagic && i == first))
                lines[i] = new string(' ', lines[i].Length);
        }
        return string.Join('\n', lines);
    }

    /// <summary>A line magic: <c>%</c> then a name, at the start of the line (<c>% 3</c> stays the remainder operator).</summary>
    public static bool IsMagic(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.Length > 1 && trimmed[0] == '%' && char.IsLetter(trimmed[1]);
    }
}
