using CSharpKernel.Display;

namespace CSharpKernel.Execution;

/// <summary>A displayed value that can be replaced in place with <see cref="Update"/>.</summary>
public sealed class DisplayHandle
{
    private readonly Func<IOutputSink?> _sink;

    internal DisplayHandle(string displayId, Func<IOutputSink?> sink)
    {
        DisplayId = displayId;
        _sink = sink;
    }

    public string DisplayId { get; }

    public void Update(object? value) => Show(value, update: true);

    internal void Show(object? value, bool update)
    {
        Console.Out.Flush();
        _sink()?.DisplayData(MimeFormatter.Format(value), [], DisplayId, update);
    }
}
