using System.Text;
using System.Text.Json.Nodes;
using CSharpKernel.Display;

namespace CSharpKernel.Language;

/// <summary>What inspection found for one symbol, and how it reads as text/plain and text/markdown.</summary>
internal sealed record Inspection(IReadOnlyList<string> Signatures, DocComment Doc, string? Value, string? Assembly)
{
    public JsonObject ToMimeBundle() => new() { [MimeTypes.PlainText] = Plain(), [MimeTypes.Markdown] = Markdown() };

    public string Plain()
    {
        var text = new StringBuilder();
        text.AppendJoin('\n', Signatures).Append('\n');
        if (Value is not null)
            text.Append("Value: ").Append(Value).Append('\n');
        if (Doc.Summary.Length > 0)
            text.Append('\n').Append(Doc.Summary).Append('\n');
        if (Doc.Parameters.Count > 0)
        {
            text.Append("\nParameters:\n");
            foreach (var (name, description) in Doc.Parameters)
                text.Append("  ").Append(name).Append(": ").Append(description).Append('\n');
        }
        if (Doc.Returns.Length > 0)
            text.Append("\nReturns: ").Append(Doc.Returns).Append('\n');
        if (Doc.Remarks.Length > 0)
            text.Append("\nRemarks:\n").Append(Doc.Remarks).Append('\n');
        if (Assembly is not null)
            text.Append("\nAssembly: ").Append(Assembly).Append('\n');
        return text.ToString().TrimEnd('\n');
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.Append("```csharp\n").AppendJoin('\n', Signatures).Append("\n```\n");
        if (Value is not null)
            text.Append("\n**Value:** `").Append(Value.Replace("`", "'")).Append("`\n");
        if (Doc.Summary.Length > 0)
            text.Append('\n').Append(Doc.Summary).Append('\n');
        if (Doc.Parameters.Count > 0)
        {
            text.Append("\n**Parameters**\n\n");
            foreach (var (name, description) in Doc.Parameters)
                text.Append("- `").Append(name).Append("`: ").Append(description).Append('\n');
        }
        if (Doc.Returns.Length > 0)
            text.Append("\n**Returns:** ").Append(Doc.Returns).Append('\n');
        if (Doc.Remarks.Length > 0)
            text.Append("\n**Remarks**\n\n").Append(Doc.Remarks).Append('\n');
        if (Assembly is not null)
            text.Append("\n**Assembly:** ").Append(Assembly).Append('\n');
        return text.ToString().TrimEnd('\n');
    }
}
