using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace CSharpKernel.Execution.Packages;

/// <summary>
/// Loads what restored packages bring, into the default load context, so that there is one copy
/// of each assembly in the process. Roslyn's script loader lets the default context bind a
/// submission's references first (its trusted platform assemblies, then its Resolving event), so
/// the Resolving handler here answers every package assembly by name; a package assembly that
/// loads a native library gets it from the package's <c>runtimes/&lt;rid&gt;/native</c> folder.
/// </summary>
internal static class PackageLoader
{
    private static readonly ConcurrentDictionary<string, PackageAssembly> Managed = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, string> Native = new(StringComparer.OrdinalIgnoreCase);
    private static int _installed;

    /// <summary>The package assembly of that simple name that the process loads, if a package brought one.</summary>
    public static PackageAssembly? Find(string simpleName) => Managed.GetValueOrDefault(simpleName);

    /// <summary>The path the process loads an assembly of this name from, when a restored package brought it.</summary>
    public static string? PathOf(AssemblyName name) => name.Name is { } simple ? Find(simple)?.Path : null;

    public static void Add(IEnumerable<PackageAssembly> assemblies, IEnumerable<string> nativeLibraries)
    {
        Install();
        foreach (var assembly in assemblies)
            Managed[assembly.Name] = assembly;
        foreach (var library in nativeLibraries)
            Native.TryAdd(NativeKey(Path.GetFileName(library)), library);
    }

    private static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) != 0)
            return;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            PathOf(name) is { } path ? context.LoadFromAssemblyPath(path) : null;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (_, name) =>
            Native.TryGetValue(NativeKey(name), out var path) && NativeLibrary.TryLoad(path, out var handle) ? handle : IntPtr.Zero;
    }

    /// <summary>
    /// "SkiaSharp" for libSkiaSharp.so, libSkiaSharp, SkiaSharp.dll: a DllImport names a library
    /// without its platform's prefix and extension, or with them.
    /// </summary>
    private static string NativeKey(string name)
    {
        foreach (var extension in (string[])[".so", ".dylib", ".dll"])
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                name = name[..^extension.Length];
        }
        return name.StartsWith("lib", StringComparison.Ordinal) && name.Length > 3 ? name[3..] : name;
    }
}
