using CSharpKernel.Display.Interactive;
using Microsoft.DotNet.Interactive;

namespace CSharpKernel.Extensions;

/// <summary>
/// The kernel as .NET Interactive's kernel extensions see it: the object their
/// <c>IKernelExtension.OnLoadAsync</c> is handed. The extensions this serves (DataFrame, Plotly.NET)
/// register formatters with the Formatter, which the kernel consults for every value it shows; this
/// kernel handles no .NET Interactive commands, as cells run on the kernel's own engine.
/// </summary>
public sealed class NotebookKernel : Kernel
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
    }

    /// <summary>One per process, made when the first extension loads.</summary>
    public static NotebookKernel Instance => Shared.Value;
}
