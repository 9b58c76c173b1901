using CSharpKernel.Execution;
using CSharpKernel.Magics.Syntax;

namespace CSharpKernel.Magics;

/// <summary>
/// A <c>#!name</c> this kernel does not have: another .NET Interactive kernel's cell (<c>#!fsharp</c>)
/// or command (<c>#!connect</c>, <c>#!set</c>). Running the rest as C# would fail in confusing ways
/// or, worse, do something; the cell is an error that says what the kernel has instead.
/// </summary>
internal sealed class UnknownHashBangMagic : IMagicCommand
{
    private readonly Func<IEnumerable<IMagicCommand>> _commands;

    public UnknownHashBangMagic(Func<IEnumerable<IMagicCommand>> commands) => _commands = commands;

    public string Name => MagicSyntax.UnknownHashBang;

    public string Summary => "";

    public CellOutcome Run(MagicInvocation invocation, MagicContext context)
    {
        var percent = _commands().Select(c => c.Name).Where(MagicSyntax.IsListed).Order(StringComparer.Ordinal).Select(n => "%" + n);
        var evalue = $"#!{invocation.Arguments} is not available: this kernel runs C# only, and the cell did not run. "
                     + $"It has {string.Join(", ", MagicSyntax.HashBangSpellings.Keys.Order(StringComparer.Ordinal).Select(k => "#!" + k))} "
                     + $"and {string.Join(", ", percent)}; a first line #!csharp is ignored.";
        return CellOutcome.Failed(new CellError(Tracebacks.UnknownMagicName, evalue, [$"{Tracebacks.UnknownMagicName}: {evalue}"]));
    }
}
