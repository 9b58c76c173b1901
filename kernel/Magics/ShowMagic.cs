using System.Text.Json.Nodes;
using CSharpKernel.Display;
using CSharpKernel.Execution;
using CSharpKernel.Magics.Syntax;

namespace CSharpKernel.Magics;

/// <summary>
/// #!html, #!markdown, #!javascript (and %%html, %%markdown, %%javascript, as IPython spells them):
/// the rest of the cell, shown as that mime type instead of being compiled. text/plain carries the
/// same text, for front ends that render none of them.
/// </summary>
internal sealed class ShowMagic : IMagicCommand
{
    private readonly string _mimeType;

    public ShowMagic(string name, string mimeType, string summary)
    {
        Name = name;
        _mimeType = mimeType;
        Summary = summary;
    }

    public string Name { get; }

    public bool WorksOnCells => true;

    public string Summary { get; }

    public static IEnumerable<ShowMagic> All() =>
    [
        new("html", MimeTypes.Html, "show the cell as HTML"),
        new("markdown", MimeTypes.Markdown, "show the cell as Markdown"),
        new("javascript", "application/javascript", "run the cell as JavaScript in the front end"),
    ];

    public CellOutcome Run(MagicInvocation invocation, MagicContext context)
    {
        // The body keeps blank lines for the lines above it, so that C# bodies keep their line numbers; shown text does not need them.
        var body = invocation.Body.TrimStart('\n');
        var text = invocation.IsCellMagic || invocation.Arguments.Length == 0 ? body
            : body.Length == 0 ? invocation.Arguments : invocation.Arguments + "\n" + body;
        if (string.IsNullOrWhiteSpace(text))
            return CellOutcome.Nothing;
        return CellOutcome.WithData(new JsonObject { [_mimeType] = text, [MimeTypes.PlainText] = text });
    }
}
