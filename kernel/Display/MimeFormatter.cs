using System.Text.Json.Nodes;
using CSharpKernel.Display.Interactive;

namespace CSharpKernel.Display;

/// <summary>
/// Turns a value into a mime bundle: text/plain always (so consoles and text exports work), then
/// what registered formatters make of it (the session's, then .NET Interactive's Formatter's), then the built-in views (HTML tables, markup, images).
/// One per session: the formatters its cells register are its own, and go when its user state goes.
/// </summary>
internal sealed class MimeFormatter
{
    public FormatterRegistry Registry { get; } = new();

    public JsonObject Format(object? value)
    {
        var bundle = new JsonObject();
        if (value is null)
        {
            bundle[MimeTypes.PlainText] = PlainTextFormatter.Format(null);
            return bundle;
        }
        foreach (var (mimeType, text) in Registry.FormatAll(value))
            bundle[mimeType] = text;
        foreach (var (mimeType, text) in InteractiveFormatting.Format(value))
            bundle.TryAdd(mimeType, text);
        switch (value)
        {
            case Html markup:
                bundle.TryAdd(MimeTypes.Html, markup.Content);
                bundle.TryAdd(MimeTypes.PlainText, markup.Content);
                break;
            case Markdown markdown:
                bundle.TryAdd(MimeTypes.Markdown, markdown.Content);
                bundle.TryAdd(MimeTypes.PlainText, markdown.Content);
                break;
            case MathString math:
                bundle.TryAdd(MimeTypes.Latex, math.ToString());
                bundle.TryAdd(MimeTypes.PlainText, math.ToString());
                break;
            case Image image:
                bundle.TryAdd(image.MimeType, Convert.ToBase64String(image.Data));
                break;
            default:
                if (!bundle.ContainsKey(MimeTypes.Html) && HtmlFormatter.TryFormat(value) is { } table)
                    bundle[MimeTypes.Html] = table;
                break;
        }
        bundle.TryAdd(MimeTypes.PlainText, PlainTextFormatter.Format(value));
        return bundle;
    }
}
