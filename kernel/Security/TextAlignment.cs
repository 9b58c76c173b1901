using Microsoft.CodeAnalysis.Text;

namespace CSharpKernel.Security;

/// <summary>
/// Maps a position in a rewritten text back to the text it was made from, when the rewrite kept
/// every line and only inserted or replaced text within lines (as the kernel's history names and
/// value capture do). Each changed line is aligned by its longest common subsequence: a kept
/// character maps to itself, an inserted one to the next kept character.
/// </summary>
internal sealed class TextAlignment
{
    // Beyond this, a line is mapped by its column alone: an alignment table of a few million cells is not worth a refusal's column.
    private const long MaxCells = 4_000_000;

    private readonly SourceText _original;
    private readonly SourceText _rewritten;

    public TextAlignment(string original, string rewritten)
    {
        _original = SourceText.From(original);
        _rewritten = SourceText.From(rewritten);
    }

    /// <summary>The 1-based line and column in the original text of a position in the rewritten one.</summary>
    public (int Line, int Column) Place(int position)
    {
        var at = _rewritten.Lines.GetLinePosition(Math.Clamp(position, 0, _rewritten.Length));
        if (_original.Lines.Count != _rewritten.Lines.Count || at.Line >= _original.Lines.Count)
            return (at.Line + 1, at.Character + 1);
        var before = _original.Lines[at.Line].ToString();
        var after = _rewritten.Lines[at.Line].ToString();
        return (at.Line + 1, before == after ? at.Character + 1 : Align(before, after, at.Character) + 1);
    }

    private static int Align(string before, string after, int column)
    {
        if ((long)(before.Length + 1) * (after.Length + 1) > MaxCells)
            return Math.Min(column, before.Length);
        // lengths[i, j]: the longest common subsequence of before[..i] and after[..j], walked back from the
        // ends so that characters match as late as they can: text the kernel inserts comes before the user's
        // (a captured value's "var v = "), and must not borrow the user's letters.
        var lengths = new int[before.Length + 1, after.Length + 1];
        for (var i = 1; i <= before.Length; i++)
        {
            for (var j = 1; j <= after.Length; j++)
                lengths[i, j] = before[i - 1] == after[j - 1] ? lengths[i - 1, j - 1] + 1 : Math.Max(lengths[i - 1, j], lengths[i, j - 1]);
        }
        var kept = new int[after.Length];
        Array.Fill(kept, -1);
        for (int i = before.Length, j = after.Length; i > 0 && j > 0;)
        {
            if (before[i - 1] == after[j - 1])
                kept[--j] = --i;
            else if (lengths[i - 1, j] >= lengths[i, j - 1])
                i--;
            else
                j--;
        }
        for (var j = column; j < after.Length; j++)
        {
            if (kept[j] >= 0)
                return kept[j];
        }
        return before.Length;
    }
}
