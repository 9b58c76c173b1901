using Microsoft.CodeAnalysis.Text;

namespace CSharpKernel.Execution;

/// <summary>
/// The text the kernel compiles for a cell: the user's text with a few edits (history names
/// resolved, the result captured). Edits never add a line break, so lines stay the user's; a
/// position in the compiled text maps back to the user's column for diagnostics.
/// </summary>
internal sealed class CellRewrite
{
    private readonly IReadOnlyList<TextChange> _changes;

    public CellRewrite(SourceText original, IEnumerable<TextChange> changes)
    {
        Original = original;
        _changes = changes.OrderBy(c => c.Span.Start).ThenBy(c => c.Span.Length).ToList();
        Text = original.WithChanges(_changes).ToString();
    }

    public SourceText Original { get; }
    public string Text { get; }
    public bool Changed => _changes.Count > 0;

    /// <summary>The user's position for a position in the compiled text; inside an edit, the start of what it replaced.</summary>
    public int ToOriginal(int position)
    {
        var shift = 0;
        foreach (var change in _changes)
        {
            var newStart = change.Span.Start + shift;
            if (position < newStart)
                break;
            var newEnd = newStart + change.NewText!.Length;
            if (position < newEnd)
                return change.Span.Start;
            shift += change.NewText.Length - change.Span.Length;
        }
        return position - shift;
    }

    /// <summary>Whether a position in the compiled text is in text an edit wrote.</summary>
    public bool IsEdited(int position)
    {
        var shift = 0;
        foreach (var change in _changes)
        {
            var newStart = change.Span.Start + shift;
            if (position < newStart)
                return false;
            if (position < newStart + change.NewText!.Length)
                return true;
            shift += change.NewText.Length - change.Span.Length;
        }
        return false;
    }

    public LinePosition OriginalLinePosition(int position) =>
        Original.Lines.GetLinePosition(Math.Clamp(ToOriginal(position), 0, Original.Length));
}
