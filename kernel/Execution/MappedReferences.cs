using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace CSharpKernel.Execution;

/// <summary>
/// Metadata references read through a memory map, one per file for the whole process.
/// <see cref="MetadataReference.CreateFromFile(string, MetadataReferenceProperties, DocumentationProvider?)"/>
/// copies the entire file into native memory, code and all: for the ~160 framework assemblies a
/// session references, and the kernel's own dependencies that Roslyn resolves as missing
/// assemblies, that came to over 100 MiB resident, where a map touches only the metadata pages.
/// </summary>
public static class MappedReferences
{
    private static readonly ConcurrentDictionary<string, AssemblyMetadata> ByPath = new(StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> TrustedPlatform = new(ReadTrustedPlatform);

    /// <summary>A reference to the file; every reference to one file shares its metadata.</summary>
    public static PortableExecutableReference FromFile(string path, DocumentationProvider? documentation = null)
    {
        var full = Path.GetFullPath(path);
        return ByPath.GetOrAdd(full, AssemblyMetadata.CreateFromFile).GetReference(documentation, filePath: full);
    }

    /// <summary>An assembly the runtime itself would load for the identity (the framework's or the kernel's), or null.</summary>
    public static PortableExecutableReference? FromRuntime(AssemblyIdentity identity) =>
        TrustedPlatform.Value.TryGetValue(identity.Name, out var path) ? FromFile(path) : null;

    private static IReadOnlyDictionary<string, string> ReadTrustedPlatform()
    {
        var paths = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
            byName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        return byName;
    }
}
