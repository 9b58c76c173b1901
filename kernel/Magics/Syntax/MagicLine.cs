namespace CSharpKernel.Magics.Syntax;

/// <summary>
/// One line of a cell that belongs to the kernel rather than to C#. <see cref="Start"/> and
/// <see cref="End"/> are offsets in the cell: from the prefix to the end of its line, line break
/// excluded. <see cref="ArgumentStart"/> to <see cref="ArgumentEnd"/> is what follows the name
/// (for help, the name asked about): text that may be C#, as <c>%time Math.Max(1, 2)</c>'s is.
/// </summary>
internal sealed record MagicLine(MagicLineKind Kind, string Prefix, string Name, string Arguments, int Start, int End, int ArgumentStart, int ArgumentEnd)
{
    /// <summary>Whether the line starts a command the session runs, rather than being taken out of the cell's C#.</summary>
    public bool IsCommand => Kind is MagicLineKind.LineMagic or MagicLineKind.CellMagic or MagicLineKind.RefusedHashBang or MagicLineKind.Help;
}
