namespace CSharpKernel.Display;

/// <summary>
/// Formatters registered per type and mime type, by a session's cells
/// (<c>Kernel.Formatters.Register&lt;Point&gt;("text/html", p => ...)</c>). The most specific type wins:
/// the value's own type, then its base types, then its interfaces.
/// </summary>
public sealed class FormatterRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(Type Type, string MimeType), Func<object, string>> _formatters = new();

    public void Register<T>(string mimeType, Func<T, string> format)
    {
        lock (_lock)
            _formatters[(typeof(T), mimeType)] = value => format((T)value);
    }

    public void Clear()
    {
        lock (_lock)
            _formatters.Clear();
    }

    /// <summary>What registered formatters make of the value, mime type by mime type.</summary>
    public Dictionary<string, string> FormatAll(object value)
    {
        var result = new Dictionary<string, string>();
        List<KeyValuePair<(Type Type, string MimeType), Func<object, string>>> candidates;
        lock (_lock)
        {
            if (_formatters.Count == 0)
                return result;
            candidates = _formatters.ToList();
        }
        foreach (var type in Lineage(value.GetType()))
        {
            foreach (var (key, format) in candidates)
            {
                if (key.Type == type && !result.ContainsKey(key.MimeType))
                    result[key.MimeType] = format(value);
            }
        }
        return result;
    }

    private static IEnumerable<Type> Lineage(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
            yield return current;
        foreach (var contract in type.GetInterfaces())
            yield return contract;
    }
}
