using System.Text.Json.Nodes;
using CSharpKernel.Display;
using CSharpKernel.Execution;
using CSharpKernel.Magics.Syntax;

namespace CSharpKernel.Magics;

/// <summary>
/// ?name and name? (??name for more detail): what inspect_request would show for the name, in the
/// execute reply's <c>page</c> payload as IPython sends it, so that Notebook and Lab open their pager,
/// and printed in the cell's output too, for clients that ignore payloads (console, nbconvert).
/// </summary>
internal sealed class HelpMagic : IMagicCommand
{
    private readonly int _detailLevel;
    private readonly Func<string, int, string?> _describe;

    /// <param name="describe">The text inspection gives for code at its end, or null when it finds nothing.</param>
    public HelpMagic(bool detailed, Func<string, int, string?> describe)
    {
        _detailLevel = detailed ? 1 : 0;
        _describe = describe;
    }

    public string Name => _detailLevel == 0 ? MagicSyntax.Help : MagicSyntax.DetailedHelp;

    public string Summary => _detailLevel == 0 ? "help on a name" : "help on a name, with remarks and its assembly";

    public CellOutcome Run(MagicInvocation invocation, MagicContext context)
    {
        var text = _describe(invocation.Arguments, _detailLevel);
        if (text is null)
            return CellOutcome.Failed(new CellError("NameNotFound", $"Object `{invocation.Arguments}` not found.", [$"Object `{invocation.Arguments}` not found."]));
        Console.WriteLine(text.TrimEnd());
        var page = new JsonObject
        {
            ["source"] = "page",
            ["data"] = new JsonObject { [MimeTypes.PlainText] = text.TrimEnd() },
            ["start"] = 0,
        };
        return CellOutcome.Nothing with { Payload = [page] };
    }
}
