using CSharpKernel.Execution;

namespace CSharpKernel.Magics;

/// <summary>The %-commands the kernel knows; a new command joins by being listed here.</summary>
public static class MagicCommands
{
    /// <param name="describe">What inspection says of a name (for ? and ??), or null when it finds nothing.</param>
    public static IReadOnlyList<IMagicCommand> All(Func<string, int, string?> describe)
    {
        var commands = new List<IMagicCommand>();
        commands.AddRange(
        [
            new ResetMagic(),
            new TimeMagic(),
            new WhoMagic(),
            new WhosMagic(),
            new LsmagicMagic(() => commands),
            new HelpMagic(detailed: false, describe),
            new HelpMagic(detailed: true, describe),
            new AboutMagic(),
            .. ShowMagic.All(),
            new UnknownHashBangMagic(() => commands),
        ]);
        return commands;
    }
}
