using System.Composition.Hosting;
using System.Reflection;
using Microsoft.CodeAnalysis.Host.Mef;

namespace CSharpKernel.Language;

/// <summary>
/// Roslyn's editor services for C# alone. The default host composes every language's: it loads
/// the Visual Basic assemblies and reads all their parts, memory and start-up time a C# kernel
/// never uses.
/// </summary>
internal static class CSharpEditorHost
{
    public static readonly string[] AssemblyNames =
    [
        "Microsoft.CodeAnalysis.Workspaces",
        "Microsoft.CodeAnalysis.CSharp.Workspaces",
        "Microsoft.CodeAnalysis.Features",
        "Microsoft.CodeAnalysis.CSharp.Features",
    ];

    private static readonly Lazy<MefHostServices> Host = new(Compose);

    /// <summary>One composition for the process: composing is most of the editor services' start.</summary>
    public static MefHostServices Services => Host.Value;

    private static MefHostServices Compose()
    {
        var parts = AssemblyNames.Select(Assembly.Load).SelectMany(EditorParts.In);
        return new MefHostServices(new ContainerConfiguration().WithParts(parts).CreateContainer());
    }
}
