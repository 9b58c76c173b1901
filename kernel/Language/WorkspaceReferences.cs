using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using CSharpKernel.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CSharpKernel.Language;

/// <summary>
/// What the completion workspace compiles against. The SDK's reference pack is preferred when it
/// is installed, because its XML files document the framework; inspection shows those docs. A
/// machine with only the runtime gets the runtime's own assemblies, without documentation.
/// The pack's facades, which only forward their types to the assemblies that define them, are
/// left out, as the script engine leaves out the runtime's: every compilation binds each
/// reference and keeps what it bound, about 4 MiB for the 58 assemblies where completion never
/// finds a name. A library compiled against one gets it when the compiler asks for it as missing
/// (<see cref="WorkspaceReferenceResolver"/>).
/// </summary>
internal static class WorkspaceReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> All = new(Create);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Facades = new(FindFacades);

    /// <summary>One set for the process: a reference keeps the metadata it has read, so every compilation after the first reuses it.</summary>
    public static IReadOnlyList<MetadataReference> Shared => All.Value;

    /// <summary>The reference pack's facade of that name, with its documentation, or null.</summary>
    public static PortableExecutableReference? Facade(AssemblyIdentity identity) =>
        Facades.Value.TryGetValue(identity.Name, out var path) ? WithDocumentation(path) : null;

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
            ? Directory.EnumerateFiles(pack, "*.dll").Where(path => !Facades.Value.ContainsKey(Path.GetFileNameWithoutExtension(path))).Select(WithDocumentation)
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

    /// <summary>
    /// The pack's assemblies that define no type, by name. The three that libraries most often
    /// compile against stay references, as they do for the script engine.
    /// </summary>
    private static IReadOnlyDictionary<string, string> FindFacades()
    {
        var facades = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (ReferencePackDirectory() is not { } pack)
            return facades;
        foreach (var path in Directory.EnumerateFiles(pack, "*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name is not ("mscorlib" or "netstandard" or "System.Runtime") && !DefinesTypes(path))
                facades[name] = path;
        }
        return facades;
    }

    private static bool DefinesTypes(string path)
    {
        using var stream = File.OpenRead(path);
        using var image = new PEReader(stream);
        // Every assembly defines <Module>; a facade defines nothing else.
        return image.HasMetadata && image.GetMetadataReader().TypeDefinitions.Count > 1;
    }

    private static PortableExecutableReference WithDocumentation(string assemblyPath)
    {
        var xml = Path.ChangeExtension(assemblyPath, ".xml");
        return File.Exists(xml)
            ? MappedReferences.FromFile(assemblyPath, new DocumentationIndex(xml))
            : MappedReferences.FromFile(assemblyPath);
    }
}
