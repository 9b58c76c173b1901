using CSharpKernel.Execution;
using CSharpKernel.Magics.Syntax;

namespace CSharpKernel.Magics;

/// <summary>%lsmagic: every command the kernel knows, line and cell, with the other spellings it accepts.</summary>
internal sealed class LsmagicMagic : IMagicCommand
{
    private readonly Func<IEnumerable<IMagicCommand>> _commands;

    public LsmagicMagic(Func<IEnumerable<IMagicCommand>> commands) => _commands = commands;

    public string Name => "lsmagic";

    public string Summary => "this list";

    public CellOutcome Run(MagicInvocation invocation, MagicContext context)
    {
        var commands = _commands().Where(c => MagicSyntax.IsListed(c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        Console.WriteLine("Available line magics:");
        foreach (var command in commands)
            Console.WriteLine($"  %{command.Name,-11} {command.Summary}");
        Console.WriteLine();
        Console.WriteLine("Available cell magics:");
        foreach (var command in commands.Where(c => c.WorksOnCells))
            Console.WriteLine($"  %%{command.Name,-10} {command.Summary}");
        Console.WriteLine();
        Console.WriteLine("Help: ?name or name? shows a name's signature and documentation; ??name adds remarks and the assembly.");
        Console.WriteLine(LevelInForce.Line);
        Console.WriteLine("Also accepted, as in .NET Interactive: " + string.Join(" ", MagicSyntax.HashBangSpellings.Keys.Select(k => "#!" + k)) + "; a first line #!csharp is ignored.");
        return CellOutcome.Nothing;
    }
}
