namespace CSharpKernel.Magics.Syntax;

/// <summary>
/// A cell as <see cref="MagicSyntax"/> reads it: the kernel's lines in it, in order (the command
/// heading it, the commands heading the cells that follow a command, the package directives of its
/// C#), where a command may stand, and where a body that is not C# starts.
/// </summary>
internal sealed record MagicCell(string Code, IReadOnlyList<MagicLine> Lines, IReadOnlyList<int> CommandPositions, int? ForeignBodyStart)
{
    /// <summary>The command the session runs for this cell, or null when the cell is C#.</summary>
    public MagicInvocation? Invocation => Lines.FirstOrDefault(l => l.IsCommand) is { } command ? InvocationOf(command) : null;

    /// <summary>The package directives and <c>#!csharp</c> lines: what is taken out of the cell before it compiles.</summary>
    public IEnumerable<MagicLine> TakenOut => Lines.Where(l => l.Kind is MagicLineKind.PackageReference or MagicLineKind.PackageSource or MagicLineKind.KernelName);

    /// <summary>Whether the last command acts on a C# body that is not written yet (<c>%%time</c> alone).</summary>
    public bool AwaitsBody =>
        ForeignBodyStart is null && Lines.LastOrDefault(l => l.IsCommand) is { Kind: MagicLineKind.CellMagic } last
        && string.IsNullOrWhiteSpace(Code[MagicSyntax.NextLine(Code, last.End)..]);

    /// <summary>The text the compiler would see: every line of the kernel's and every body that is not C# blanked, each offset kept.</summary>
    public string CSharp => Blanked(keepArguments: false);

    /// <summary>
    /// As <see cref="CSharp"/>, but what follows a line magic's name (<c>%time Math.Max(1, 2)</c>) and the name
    /// help is asked about stay: completion and inspection work there as in C#.
    /// </summary>
    public string CSharpWithArguments => Blanked(keepArguments: true);

    /// <summary>
    /// The prefix (<c>%</c>, <c>%%</c> or <c>#!</c>) and the offset of a command name being typed at
    /// <paramref name="cursor"/>, where a command may stand; null anywhere else.
    /// </summary>
    public (int Start, string Prefix)? CommandBeingTyped(int cursor)
    {
        foreach (var start in CommandPositions)
        {
            if (start > cursor || cursor > Code.Length)
                continue;
            var typed = Code[start..cursor];
            var prefix = typed.StartsWith(MagicSyntax.CellPrefix, StringComparison.Ordinal) ? MagicSyntax.CellPrefix
                : typed.StartsWith(MagicSyntax.LinePrefix, StringComparison.Ordinal) ? MagicSyntax.LinePrefix
                : typed.StartsWith(MagicSyntax.HashBangPrefix, StringComparison.Ordinal) ? MagicSyntax.HashBangPrefix
                : null;
            if (prefix is not null && typed[prefix.Length..].All(char.IsLetterOrDigit))
                return (start, prefix);
        }
        return null;
    }

    /// <summary>Whether the cursor is in a body that is not C#.</summary>
    public bool InForeignBody(int cursor) => ForeignBodyStart is { } start && cursor >= start;

    private MagicInvocation InvocationOf(MagicLine command)
    {
        var next = MagicSyntax.NextLine(Code, command.End);
        var body = next < Code.Length ? new string('\n', Code.AsSpan(0, command.Start).Count('\n') + 1) + Code[next..] : "";
        return command.Kind switch
        {
            MagicLineKind.Help => new MagicInvocation(command.Name, command.Arguments, "", IsCellMagic: false),
            MagicLineKind.RefusedHashBang => new MagicInvocation(MagicSyntax.UnknownHashBang, command.Name, body, IsCellMagic: true),
            _ => new MagicInvocation(command.Name, command.Arguments, body, command.Kind == MagicLineKind.CellMagic),
        };
    }

    private string Blanked(bool keepArguments)
    {
        var text = Code.ToCharArray();
        foreach (var line in Lines)
        {
            var keep = keepArguments && line.Kind is MagicLineKind.LineMagic or MagicLineKind.Help;
            Blank(text, line.Start, keep ? line.ArgumentStart : line.End);
            if (keep)
                Blank(text, line.ArgumentEnd, line.End);
        }
        if (ForeignBodyStart is { } foreign)
            Blank(text, foreign, text.Length);
        return new string(text);
    }

    private static void Blank(char[] text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] is not ('\n' or '\r'))
                text[i] = ' ';
        }
    }
}
