using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CSharpKernel.Language;

/// <summary>The parts of an XML documentation comment that inspection shows, as plain text.</summary>
internal sealed record DocComment(string Summary, IReadOnlyList<(string Name, string Text)> Parameters, string Returns, string Remarks)
{
    public static DocComment Empty { get; } = new("", [], "", "");

    public bool IsEmpty => Summary.Length == 0 && Parameters.Count == 0 && Returns.Length == 0 && Remarks.Length == 0;

    public static DocComment Parse(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
            return Empty;
        XElement root;
        try
        {
            root = XElement.Parse(xml, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return Empty;
        }
        return new DocComment(
            Text(root.Element("summary")),
            [.. root.Elements("param").Select(p => ((string?)p.Attribute("name") ?? "", Text(p)))],
            Text(root.Element("returns")),
            Text(root.Element("remarks")));
    }

    /// <summary>Inner text with references shown by name and whitespace folded, paragraphs kept.</summary>
    private static string Text(XElement? element)
    {
        if (element is null)
            return "";
        var builder = new StringBuilder();
        Append(builder, element);
        var paragraphs = builder.ToString().Split('\n').Select(Fold).Where(p => p.Length > 0);
        return string.Join("\n", paragraphs);
    }

    private static void Append(StringBuilder builder, XElement element)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    builder.Append(text.Value.Replace('\n', ' '));
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    builder.Append(Reference(see));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    builder.Append((string?)reference.Attribute("name"));
                    break;
                case XElement { Name.LocalName: "para" or "br" or "list" or "item" } block:
                    builder.Append('\n');
                    Append(builder, block);
                    builder.Append('\n');
                    break;
                case XElement inner:
                    Append(builder, inner);
                    break;
            }
        }
    }

    /// <summary><c>&lt;see cref="M:System.Math.Max(System.Int32,System.Int32)"/&gt;</c> reads as <c>Math.Max</c>.</summary>
    private static string Reference(XElement see)
    {
        if (!see.IsEmpty)
            return see.Value;
        if ((string?)see.Attribute("langword") is { } keyword)
            return keyword;
        var cref = (string?)see.Attribute("cref") ?? (string?)see.Attribute("href") ?? "";
        var hasKind = cref.Length > 2 && cref[1] == ':';
        var name = hasKind ? cref[2..] : cref;
        var parenthesis = name.IndexOf('(');
        if (parenthesis >= 0)
            name = name[..parenthesis];
        var parts = name.Split('.').Select(part => part.Split('`')[0]).ToArray();
        var isMember = hasKind && cref[0] is 'M' or 'P' or 'F' or 'E';
        return isMember && parts.Length >= 2 ? $"{parts[^2]}.{parts[^1]}" : parts[^1];
    }

    private static string Fold(string text) =>
        string.Join(' ', text.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
