using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace CSharpKernel.Extensions;

/// <summary>
/// The command an extension's OnLoadAsync runs under, so that it finds what .NET Interactive gives
/// it there: a current invocation context whose handling kernel is the <see cref="NotebookKernel"/>
/// (extensions such as DataFrame's reach <c>Kernel.Root</c>).
/// </summary>
internal sealed class ExtensionLoad(IKernelExtension extension) : KernelCommand
{
    public IKernelExtension Extension { get; } = extension;
}
