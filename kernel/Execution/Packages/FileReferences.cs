using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace CSharpKernel.Execution.Packages;

/// <summary>
/// The assembly files cells compiled against through <c>#r "file.dll"</c> (and the files those refer
/// to), loaded when code first needs them into the default context, as packages are: one copy for
/// the process, whose types stay the same across resets, and which cells' collectible contexts may
/// use (the reverse is not allowed). An assembly a referenced file loads only at run time is looked
/// for beside the referenced files.
/// </summary>
internal static class FileReferences
{
    private static readonly ConcurrentDictionary<string, string> Paths = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, byte> Directories = new(StringComparer.Ordinal);
    private static int _installed;

    /// <summary>Notes a file the compiler was given for a reference.</summary>
    public static void Add(string path)
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
            AssemblyLoadContext.Default.Resolving += (context, name) => PathOf(name) is { } found ? context.LoadFromAssemblyPath(found) : null;
        Paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        if (Path.GetDirectoryName(path) is { } directory)
            Directories.TryAdd(directory, 0);
    }

    /// <summary>The file an assembly of this name loads from, when a cell referenced it or it lies beside one that was.</summary>
    public static string? PathOf(AssemblyName name)
    {
        if (name.Name is not { } simple || Directories.IsEmpty)
            return null;
        if (Paths.TryGetValue(simple, out var path))
            return path;
        return Directories.Keys.Select(directory => Path.Combine(directory, simple + ".dll")).FirstOrDefault(File.Exists);
    }
}
