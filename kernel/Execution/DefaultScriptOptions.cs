using System.Reflection;
using CSharpKernel.Execution.Packages;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution;

/// <summary>The imports and references every session starts with.</summary>
public static class DefaultScriptOptions
{
    public static readonly IReadOnlyList<string> Imports =
    [
        "System",
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

    /// <summary>The options for a kernel's session: <c>#r "nuget: ..."</c> restores packages and reports progress through the kernel API.</summary>
    public static ScriptOptions Create(KernelApi kernel) =>
        Create().WithMetadataResolver(new PackageReferenceResolver(
            new PackageRestorer(Environment.GetEnvironmentVariable("CSHARP_KERNEL_PACKAGE_CACHE")), kernel));

    public static ScriptOptions Create() =>
        ScriptOptions.Default
            .WithImports(Imports)
            .WithReferences(FrameworkReferences())
            .WithLanguageVersion(LanguageVersion)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithAllowUnsafe(true)
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(Environment.CurrentDirectory))
            .WithOptimizationLevel(OptimizationLevel.Release);

    /// <summary>The running framework's own assemblies, so that any BCL type is usable without #r.</summary>
    private static IEnumerable<MetadataReference> FrameworkReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.EnumerateFiles(frameworkDirectory, "*.dll")
            .Where(IsManagedReference)
            .Select(path => (MetadataReference)MappedReferences.FromFile(path))
            .Append(MappedReferences.FromFile(typeof(ScriptGlobals).Assembly.Location));
    }

    private static bool IsManagedReference(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (name.StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal) || name == "System.Private.CoreLib")
            return false;
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
