using CSharpKernel.Display.Interactive;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace CSharpKernel.Extensions;

/// <summary>
/// The kernel as .NET Interactive's kernel extensions see it: the object their
/// <c>IKernelExtension.OnLoadAsync</c> is handed. The extensions this serves (DataFrame, Plotly.NET)
/// register formatters with the Formatter, which the kernel consults for every value it shows; this
/// kernel handles no .NET Interactive commands, as cells run on the kernel's own engine.
/// </summary>
internal sealed class NotebookKernel : Kernel
{
    private static readonly Lazy<NotebookKernel> Shared = new(() =>
    {
        var kernel = new NotebookKernel();
        // Its base type's initialiser just subscribed a console fallback for displays.
        InteractiveFormatting.Load();
        InteractiveFormatting.KeepOnlyKernelDisplays();
        return kernel;
    });

    private NotebookKernel()
        : base("csharp")
    {
        KernelInfo.LanguageName = "C#";
        KernelInfo.DisplayName = "C# (Jupyter kernel)";
        RegisterCommandHandler<ExtensionLoad>((command, _) => command.Extension.OnLoadAsync(this));
    }

    /// <summary>Runs the extension's OnLoadAsync as .NET Interactive does, inside a command of this kernel; what it displays is shown.</summary>
    public void Load(IKernelExtension extension)
    {
        var result = SendAsync(new ExtensionLoad(extension)).GetAwaiter().GetResult();
        // The command's context took the console for itself while it ran; what was written there is the cell's output.
        foreach (var displayed in result.Events.OfType<DisplayEvent>())
        {
            if (displayed is StandardOutputValueProduced or StandardErrorValueProduced)
                (displayed is StandardErrorValueProduced ? Console.Error : Console.Out).Write(string.Concat(displayed.FormattedValues.Select(v => v.Value)));
            else
                FormatterBridge.Publish(displayed.FormattedValues, displayed.ValueId ?? Guid.NewGuid().ToString("N"), displayed is DisplayedValueUpdated);
        }
        if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
            throw failed.Exception ?? new InvalidOperationException(failed.Message);
    }

    /// <summary>One per process, made when the first extension loads.</summary>
    public static NotebookKernel Instance => Shared.Value;
}
