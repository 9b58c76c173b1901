using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using CSharpKernel.Execution.Packages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution;

/// <summary>The imports and references every session starts with.</summary>
internal static class DefaultScriptOptions
{
    public static readonly IReadOnlyList<string> Imports =
    [
        "System",
        "System.Collections",
        "System.Collections.Generic",
        "System.IO",
        "System.Linq",
        "System.Net.Http",
        "System.Text",
        "System.Threading",
        "System.Threading.Tasks",
    ];

    public static LanguageVersion LanguageVersion => LanguageVersion.Latest.MapSpecifiedToEffectiveVersion();

    /// <summary>The C# version cells are compiled with, as "14.0".</summary>
    public static string LanguageVersionText => LanguageVersion.ToDisplayString();

    /// <summary>The options for a kernel's session: <c>#r</c> of a file resolves relative to the working directory.</summary>
    public static ScriptOptions CreateForSession() => Create().WithMetadataResolver(new FileReferenceResolver());

    public static ScriptOptions Create() =>
        ScriptOptions.Default
            .WithImports(Imports)
            .WithReferences(FrameworkReferences())
            .WithLanguageVersion(LanguageVersion)
            // Tracebacks place frames without it (CellFrameLocator), and it was a quarter of each cell's compile.
            .WithEmitDebugInformation(false)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithAllowUnsafe(true)
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(Environment.CurrentDirectory))
            .WithOptimizationLevel(OptimizationLevel.Release);

    /// <summary>The running framework's own assemblies, so that any BCL type is usable without #r.</summary>
    private static IEnumerable<MetadataReference> FrameworkReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.EnumerateFiles(frameworkDirectory, "*.dll")
            .Where(IsUsefulReference)
            .Select(path => (MetadataReference)MappedReferences.FromFile(path))
            .Append(MappedReferences.FromFile(typeof(ScriptGlobals).Assembly.Location))
            .Concat(InteractiveAssemblies.Select(name => (MetadataReference)MappedReferences.FromFile(Path.Combine(AppContext.BaseDirectory, name + ".dll"))));
    }

    /// <summary>
    /// .NET Interactive's display API and kernel types, referenced by every cell as there. Named by
    /// file, not by a type of theirs: asking a type for its assembly would load it, and a kernel
    /// whose cells never use them does not.
    /// </summary>
    private static readonly string[] InteractiveAssemblies =
        ["Microsoft.DotNet.Interactive", "Microsoft.DotNet.Interactive.Formatting", "Microsoft.AspNetCore.Html.Abstractions"];

    /// <summary>
    /// An assembly that defines types. About 75 of the runtime's assemblies only forward their
    /// types to others, and the compiler never looks up a name in a forwarder: it finds forwarded
    /// types where they are defined, and an assembly that a #r-ed library compiled against is
    /// resolved when it turns out to be missing (as System.Private.CoreLib always is). Yet every
    /// cell's compilation binds each reference and keeps what it bound: dropping the forwarders
    /// saved about 14 KiB of managed memory and a millisecond or two per cell. The three that
    /// libraries most often compile against are kept all the same.
    /// </summary>
    private static bool IsUsefulReference(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (name.StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal) || name == "System.Private.CoreLib")
            return false;
        try
        {
            using var stream = File.OpenRead(path);
            using var image = new PEReader(stream);
            if (!image.HasMetadata)
                return false;
            var metadata = image.GetMetadataReader();
            // Every assembly defines <Module>; a forwarder defines nothing else.
            return metadata.IsAssembly && (metadata.TypeDefinitions.Count > 1 || name is "mscorlib" or "netstandard" or "System.Runtime");
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
