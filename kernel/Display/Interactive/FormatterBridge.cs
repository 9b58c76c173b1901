using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;

namespace CSharpKernel.Display.Interactive;

/// <summary>
/// The kernel's side of .NET Interactive's Formatter. Only <see cref="InteractiveFormatting"/> calls
/// it, and only once the Formatting assembly is loaded: running any of this loads that assembly.
/// The Formatter has a say where the user or a package registered a formatter for the value's type,
/// and for its own kinds of values (PocketView, HTML(...), LaTeXString, DisplayTable's tables);
/// everything else keeps the kernel's own views.
/// </summary>
internal static class FormatterBridge
{
    private static readonly Action<DisplayedValue> Handler = OnDisplayed;
    private static readonly HashSet<string> Shown = new(StringComparer.Ordinal);

    public static Assembly Assembly => typeof(Formatter).Assembly;

    public static void Subscribe() => Formatter.SubscribeToDisplayedValues(Handler);

    public static void Reset() => Formatter.ResetToDefault();

    /// <summary>
    /// .NET Interactive's Kernel, once its type is initialised (the kernel object extensions get),
    /// adds a fallback of its own that writes every display to the console when none of its commands
    /// runs, which here is always: the kernel publishes displays itself, so the text would show twice.
    /// The Formatter offers no way to remove another's subscription; its event field is the only way.
    /// </summary>
    public static bool KeepOnlyKernelDisplays()
    {
        var field = typeof(Formatter).GetField("OnFormatterEvent", BindingFlags.NonPublic | BindingFlags.Static);
        if (field?.FieldType != typeof(Action<DisplayedValue>))
            return false;
        field.SetValue(null, Handler);
        return true;
    }

    public static IReadOnlyDictionary<string, string> Format(object value)
    {
        var type = value.GetType();
        var result = new Dictionary<string, string>();
        foreach (var mimeType in RegisteredMimeTypes(type))
            result.TryAdd(mimeType, value.ToDisplayString(mimeType));
        if (IsFormattersOwn(value))
        {
            foreach (var mimeType in Formatter.GetPreferredMimeTypesFor(type))
                result.TryAdd(mimeType, value.ToDisplayString(mimeType));
            // Markup's text is the markup; anything else of the Formatter's (a DisplayTable's table) its own text.
            result.TryAdd(MimeTypes.PlainText, value is IHtmlContent ? value.ToString() ?? "" : value.ToDisplayString(MimeTypes.PlainText));
        }
        return result;
    }

    /// <summary>The mime types the user's and the packages' formatters (not the Formatter's defaults) have for this type.</summary>
    private static IEnumerable<string> RegisteredMimeTypes(Type type) =>
        Formatter.RegisteredFormatters(includeDefaults: false)
            .Where(f => Applies(f.Type, type))
            .Select(f => f.MimeType)
            .Distinct();

    private static bool Applies(Type formatted, Type actual)
    {
        if (formatted.IsAssignableFrom(actual))
            return true;
        if (!formatted.IsGenericTypeDefinition)
            return false;
        for (var current = actual; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == formatted)
                return true;
        }
        return actual.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == formatted);
    }

    private static bool IsFormattersOwn(object value) =>
        value is IHtmlContent
        || value.GetType().Assembly == Assembly
        || value.GetType().GetCustomAttributes(inherit: true).Any(a => a.GetType().Name == nameof(TypeFormatterSourceAttribute));

    /// <summary>What a .NET Interactive command displayed, as it formatted it.</summary>
    public static void Publish(IEnumerable<FormattedValue> formatted, string displayId, bool update)
    {
        var bundle = new JsonObject();
        foreach (var value in formatted)
            bundle[value.MimeType] = value.Value;
        InteractiveFormatting.Publish(bundle, displayId, update);
    }

    private static void OnDisplayed(DisplayedValue displayed)
    {
        // "text".DisplayAs("text/html") asks for one mime type of a string; anything else is formatted as the kernel formats every value.
        var bundle = displayed is { IsUpdated: false, Value: string text, FormattedValues: [{ } only] } && only.MimeType != MimeTypes.PlainText
            ? new JsonObject { [only.MimeType] = only.Value, [MimeTypes.PlainText] = text }
            : InteractiveFormatting.FormatAsKernel(displayed.Value);
        // x.Display() publishes one DisplayedValue and returns another, with an id of its own: the
        // first Update of the returned one then names a display nobody has, which front ends drop.
        // It is shown as a new display instead, which its later updates replace.
        bool update;
        lock (Shown)
            update = !Shown.Add(displayed.DisplayId) && displayed.IsUpdated;
        InteractiveFormatting.Publish(bundle, displayed.DisplayId, update);
    }
}
