using CSharpKernel.Display;
using CSharpKernel.Interpreter;

namespace CSharpKernel.Execution;

/// <summary>A displayed value that can be replaced in place with <see cref="Update"/>.</summary>
public sealed class DisplayHandle
{
    private readonly Func<IOutputSink?> _sink;
    private readonly MimeFormatter _formatter;
    private readonly string[] _mimeTypes;

    /// <param name="mimeTypes">The formats to show, as .NET Interactive's <c>display(x, "text/html")</c> asks; none for all (text/plain is always kept).</param>
    internal DisplayHandle(string displayId, Func<IOutputSink?> sink, MimeFormatter formatter, string[] mimeTypes)
    {
        DisplayId = displayId;
        _sink = sink;
        _formatter = formatter;
        _mimeTypes = mimeTypes;
    }

    public string DisplayId { get; }

    public void Update(object? value) => Show(value, update: true);

    internal void Show(object? value, bool update)
    {
        Console.Out.Flush();
        var bundle = _formatter.Format(value);
        if (_mimeTypes.Length > 0)
        {
            foreach (var mimeType in bundle.Select(entry => entry.Key).Where(m => m != MimeTypes.PlainText && !_mimeTypes.Contains(m)).ToList())
                bundle.Remove(mimeType);
        }
        _sink()?.DisplayData(bundle, [], DisplayId, update);
    }
}
