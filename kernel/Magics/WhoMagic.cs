using CSharpKernel.Execution;
using CSharpKernel.Magics.Syntax;

namespace CSharpKernel.Magics;

/// <summary>%who: the names of the user's variables, sorted, on one line.</summary>
internal sealed class WhoMagic : IMagicCommand
{
    public const string EmptyMessage = "Interactive namespace is empty.";

    public string Name => "who";

    public string Summary => "the names of your variables";

    public CellOutcome Run(MagicInvocation invocation, MagicContext context)
    {
        var names = context.Session.UserVariables().Select(v => v.Name).Order(StringComparer.Ordinal).ToList();
        Console.WriteLine(names.Count == 0 ? EmptyMessage : string.Join("\t", names));
        return CellOutcome.Nothing;
    }
}
