using CSharpKernel.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CSharpKernel.Language;

/// <summary>
/// What the completion workspace compiles against. The SDK's reference pack is preferred when it
/// is installed, because its XML files document the framework; inspection shows those docs. A
/// machine with only the runtime gets the runtime's own assemblies, without documentation.
/// </summary>
internal static class WorkspaceReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Create);

    /// <summary>One set for the process: a reference keeps the metadata it has read, so every compilation after the first reuses it.</summary>
    public static IReadOnlyList<MetadataReference> Shared => All.Value;

    /// <summary>Reads every reference's metadata and binds a small script against them, as the first completion would.</summary>
    public static void WarmUp()
    {
        var tree = CSharpSyntaxTree.ParseText("var list = new List<int> { 1 };\nConsole.WriteLine(list.Count);", CellClassifier.ParseOptions);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: DefaultScriptOptions.Imports);
        CSharpCompilation.CreateScriptCompilation("warm-up", tree, Shared, options).GetDiagnostics();
    }

    private static IReadOnlyList<MetadataReference> Create()
    {
        var kernel = MappedReferences.FromFile(typeof(ScriptGlobals).Assembly.Location);
        var framework = ReferencePackDirectory() is { } pack
            ? Directory.EnumerateFiles(pack, "*.dll").Select(WithDocumentation)
            : DefaultScriptOptions.Create().MetadataReferences.OfType<PortableExecutableReference>();
        return [.. framework, kernel];
    }

    /// <summary>The reference pack of the running framework's major version, the newest patch there is.</summary>
    private static string? ReferencePackDirectory()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var tfm = $"net{Environment.Version.Major}.0";
        if (!Directory.Exists(packs))
            return null;
        return Directory.EnumerateDirectories(packs)
            .Select(version => Path.Combine(version, "ref", tfm))
            .Where(Directory.Exists)
            .OrderByDescending(path => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var v) ? v : new Version())
            .FirstOrDefault();
    }

    private static MetadataReference WithDocumentation(string assemblyPath)
    {
        var xml = Path.ChangeExtension(assemblyPath, ".xml");
        return File.Exists(xml)
            ? MappedReferences.FromFile(assemblyPath, new DocumentationIndex(xml))
            : MappedReferences.FromFile(assemblyPath);
    }
}
