using CSharpKernel.Display;
using CSharpKernel.Execution;
using CSharpKernel.Magics.Syntax;

namespace CSharpKernel.Magics;

/// <summary>%whos: a table of the user's variables with their types and values.</summary>
internal sealed class WhosMagic : IMagicCommand
{
    private const int MaxValueLength = 60;

    public string Name => "whos";

    public string Summary => "your variables with their types and values";

    public CellOutcome Run(MagicInvocation invocation, MagicContext context)
    {
        var variables = context.Session.UserVariables().OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
        if (variables.Count == 0)
        {
            Console.WriteLine(WhoMagic.EmptyMessage);
            return CellOutcome.Nothing;
        }
        var rows = variables.Select(v => (v.Name, Type: PlainTextFormatter.TypeName(v.Type), Value: Shorten(PlainTextFormatter.Format(v.Value)))).ToList();
        var nameWidth = Math.Max("Variable".Length, rows.Max(r => r.Name.Length)) + 3;
        var typeWidth = Math.Max("Type".Length, rows.Max(r => r.Type.Length)) + 3;
        Console.WriteLine("Variable".PadRight(nameWidth) + "Type".PadRight(typeWidth) + "Data/Info");
        Console.WriteLine(new string('-', nameWidth + typeWidth + "Data/Info".Length));
        foreach (var row in rows)
            Console.WriteLine(row.Name.PadRight(nameWidth) + row.Type.PadRight(typeWidth) + row.Value);
        return CellOutcome.Nothing;
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > MaxValueLength ? line[..MaxValueLength] + "…" : line;
    }
}
