using System.ComponentModel;
using CSharpKernel.Display;
using CSharpKernel.Display.Interactive;
using Microsoft.AspNetCore.Html;

namespace CSharpKernel.Execution;

/// <summary>
/// The globals object every cell sees: its members are names a cell can use without declaring
/// them. Kept small, because each member here is a name the user cannot take.
/// </summary>
public sealed class ScriptGlobals
{
    internal ScriptGlobals(KernelApi kernel, CellHistory history)
    {
        Kernel = kernel;
        Out = history.Out;
        In = history.In;
        __kernel_store = new CellStore(history);
    }

    /// <summary>The kernel's API: the cell's cancellation token, display, input.</summary>
    public KernelApi Kernel { get; }

    /// <summary>Out[n]: the value of cell n, for the most recent values (how many is configurable).</summary>
    public IReadOnlyDictionary<int, object?> Out { get; }

    /// <summary>In[n]: the text of cell n.</summary>
    public IReadOnlyDictionary<int, string> In { get; }

#pragma warning disable IDE1006 // named as notebook users know it from IPython and .NET Interactive
    /// <summary>What cells keep outside the chain, for the accessors the kernel writes into cells; a reserved name.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public CellStore __kernel_store { get; }

    public DisplayHandle display(object? value, params string[] mimeTypes) => Kernel.Display(value, mimeTypes);
#pragma warning restore IDE1006

    /// <summary>Markup shown as it is: <c>display(Html("&lt;b&gt;hi&lt;/b&gt;"))</c>.</summary>
    public Html Html(string content) => new(content);

    /// <summary>Markdown rendered by the front end.</summary>
    public Markdown Markdown(string content) => new(content);

    /// <summary>
    /// Markup as .NET Interactive's <c>HTML(...)</c> makes it: an IHtmlContent, so PocketView tags
    /// take it as it is (<c>div(HTML("&lt;b&gt;x&lt;/b&gt;"))</c>) and it shows as text/html.
    /// </summary>
    public IHtmlContent HTML(string content)
    {
        InteractiveFormatting.Load();
        return new HtmlString(content);
    }

    /// <summary>Runs script in the front end (a text/html script element), as .NET Interactive's <c>Javascript(...)</c>.</summary>
    public void Javascript(string code) => Kernel.Display(new Html($"<script type=\"text/javascript\">{code}</script>"));

    /// <summary>Adds a style sheet to the page, as .NET Interactive's <c>CSS(...)</c>.</summary>
    public void CSS(string content) =>
        // A style element is raw text: entities are not decoded there, so only its end tag is kept out (CSS reads "\/" as "/").
        Kernel.Display(new Html($"<style>{content.Replace("</", "<\\/", StringComparison.Ordinal)}</style>"));
}
