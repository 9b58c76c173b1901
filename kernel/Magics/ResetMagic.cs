using CSharpKernel.Execution;
using CSharpKernel.Magics.Syntax;

namespace CSharpKernel.Magics;

/// <summary>
/// %reset: forgets the user's variables, types, usings and values by starting a fresh script
/// chain. The engine internals (Kernel, display, In, Out), the inputs and the execution counter
/// stay. Formatters go back to their defaults. Code after the %reset line runs in the fresh chain.
/// </summary>
internal sealed class ResetMagic : IMagicCommand
{
    public const string Message = "Reset: variables, types and Out are cleared; In and the execution count are kept.";

    public string Name => "reset";

    public string Summary => "forget the user's variables, types and values; keep In and the counter";

    public CellOutcome Run(MagicInvocation invocation, MagicContext context)
    {
        context.Session.Reset();
        Console.WriteLine(Message);
        return CellOutcome.Nothing;
    }
}
