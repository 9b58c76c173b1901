using CSharpKernel.Execution;

namespace CSharpKernel.Magics;

/// <summary>The %-commands the kernel knows; a new command joins by being listed here.</summary>
public static class MagicCommands
{
    public static IReadOnlyList<IMagicCommand> All() => [new ResetMagic()];
}
