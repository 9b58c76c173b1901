using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;

namespace CSharpKernel.Display;

/// <summary>
/// HTML for values a table shows better than a line of text: sequences (one row per item, one
/// column per property), dictionaries, and objects with properties such as records and anonymous
/// objects. Scalars get none: their text/plain is already the best view.
/// </summary>
internal static class HtmlFormatter
{
    public const int MaxRows = 20;
    private const int MaxCellText = 120;

    public static string? TryFormat(object value)
    {
        if (IsScalar(value.GetType()))
            return null;
        return value switch
        {
            IDictionary dictionary => Dictionary(dictionary),
            IEnumerable sequence => Sequence(sequence),
            _ => Properties(value.GetType()).Count > 0 ? Object(value) : null,
        };
    }

    private static string Sequence(IEnumerable sequence)
    {
        var items = new List<object?>();
        var more = false;
        foreach (var item in sequence)
        {
            if (items.Count == MaxRows)
            {
                more = true;
                break;
            }
            items.Add(item);
        }
        var columns = ColumnsOf(items);
        var html = new StringBuilder("<table><thead><tr><th><i>index</i></th>");
        foreach (var column in columns)
            html.Append("<th>").Append(Escape(column.Name)).Append("</th>");
        if (columns.Count == 0)
            html.Append("<th>value</th>");
        html.Append("</tr></thead><tbody>");
        for (var i = 0; i < items.Count; i++)
        {
            html.Append("<tr><td>").Append(i).Append("</td>");
            if (columns.Count == 0)
                html.Append(Cell(items[i]));
            foreach (var column in columns)
                html.Append(items[i] is null ? "<td></td>" : Cell(Read(column, items[i]!)));
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
        if (more)
            html.Append("<p>(more than ").Append(MaxRows).Append(" items; the first ").Append(MaxRows).Append(" are shown)</p>");
        return html.ToString();
    }

    private static string Dictionary(IDictionary dictionary)
    {
        var html = new StringBuilder("<table><thead><tr><th><i>key</i></th><th>value</th></tr></thead><tbody>");
        var shown = 0;
        foreach (DictionaryEntry entry in dictionary)
        {
            if (shown++ == MaxRows)
            {
                html.Append("</tbody></table><p>(").Append(dictionary.Count - MaxRows).Append(" more)</p>");
                return html.ToString();
            }
            html.Append("<tr>").Append(Cell(entry.Key)).Append(Cell(entry.Value)).Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static string Object(object value)
    {
        var html = new StringBuilder("<table><thead><tr><th colspan=\"2\">")
            .Append(Escape(TypeName(value.GetType()))).Append("</th></tr></thead><tbody>");
        foreach (var member in Properties(value.GetType()))
            html.Append("<tr><td>").Append(Escape(member.Name)).Append("</td>").Append(Cell(Read(member, value))).Append("</tr>");
        return html.Append("</tbody></table>").ToString();
    }

    private static List<MemberInfo> ColumnsOf(List<object?> items)
    {
        var types = items.Where(i => i is not null).Select(i => i!.GetType()).Distinct().ToList();
        if (types.Count != 1 || IsScalar(types[0]))
            return [];
        return Properties(types[0]);
    }

    private static List<MemberInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null)
            .Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.Name != "EqualityContract")
            .ToList();

    private static object? Read(MemberInfo member, object target)
    {
        try
        {
            return member is PropertyInfo property ? property.GetValue(target) : ((FieldInfo)member).GetValue(target);
        }
        catch (TargetInvocationException e)
        {
            return $"({e.InnerException?.GetType().Name ?? "error"})";
        }
    }

    private static string Cell(object? value)
    {
        var text = value is string s ? s : PlainTextFormatter.Format(value);
        if (text.Length > MaxCellText)
            text = text[..MaxCellText] + "…";
        return "<td>" + Escape(text) + "</td>";
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(Uri)
        || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(System.Numerics.BigInteger);

    private static string TypeName(Type type) =>
        type.Name.Contains("AnonymousType", StringComparison.Ordinal) ? "anonymous object" : PlainTextFormatter.TypeName(type);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
