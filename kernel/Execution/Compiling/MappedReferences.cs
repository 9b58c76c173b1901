using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace CSharpKernel.Execution;

/// <summary>
/// Metadata references read through a memory map, one per file for the whole process.
/// <see cref="MetadataReference.CreateFromFile(string, MetadataReferenceProperties, DocumentationProvider?)"/>
/// copies the entire file into native memory, code and all: for the ~160 framework assemblies a
/// session references, and the assemblies Roslyn resolves as missing, that came to over 100 MiB
/// resident, where a map touches only the metadata pages.
/// </summary>
internal static class MappedReferences
{
    private static readonly ConcurrentDictionary<string, AssemblyMetadata> ByPath = new(StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Framework = new(ReadFramework);

    private static readonly string KernelPath = Path.GetFullPath(typeof(MappedReferences).Assembly.Location);

    /// <summary>A reference to the file; every reference to one file shares its metadata.</summary>
    public static PortableExecutableReference FromFile(string path, DocumentationProvider? documentation = null)
    {
        var full = Path.GetFullPath(path);
        return ByPath.GetOrAdd(full, AssemblyMetadata.CreateFromFile).GetReference(documentation, filePath: full);
    }

    /// <summary>The running framework's assembly of that name, or null.</summary>
    public static PortableExecutableReference? FromFramework(AssemblyIdentity identity) =>
        Framework.Value.TryGetValue(identity.Name, out var path) ? FromFile(path) : null;

    /// <summary>Whether the reference is to the kernel's own assembly.</summary>
    public static bool IsKernel(MetadataReference reference) =>
        reference is PortableExecutableReference { FilePath: { } path } && Path.GetFullPath(path) == KernelPath;

    private static IReadOnlyDictionary<string, string> ReadFramework()
    {
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.EnumerateFiles(directory, "*.dll")
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => path, StringComparer.OrdinalIgnoreCase);
    }
}
