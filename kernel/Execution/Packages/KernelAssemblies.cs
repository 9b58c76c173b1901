using System.Collections.Concurrent;
using System.Reflection;

namespace CSharpKernel.Execution.Packages;

/// <summary>
/// The assemblies this process already has, by simple name: its trusted platform assemblies, the
/// framework's and the kernel's own dependencies. The default load context always binds these
/// from here, so a package's copy of one could never be loaded beside it.
/// </summary>
internal static class KernelAssemblies
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Paths = new(ReadTrustedPlatformAssemblies);
    private static readonly ConcurrentDictionary<string, Version> Versions = new(StringComparer.Ordinal);
    private static readonly string FrameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    public static string? PathOf(string simpleName) => Paths.Value.GetValueOrDefault(simpleName);

    public static Version VersionOf(string path) => Versions.GetOrAdd(path, p => AssemblyName.GetAssemblyName(p).Version ?? new Version());

    /// <summary>Whether the path is one of the running framework's own assemblies.</summary>
    public static bool IsFramework(string path) =>
        string.Equals(Path.GetDirectoryName(Path.GetFullPath(path)), FrameworkDirectory, StringComparison.Ordinal);

    /// <summary>A package the framework itself provides (System.Text.Json, ...): one of its assemblies bears the package's name.</summary>
    public static bool IsFrameworkPackage(string packageName) =>
        PathOf(packageName) is { } path && IsFramework(path);

    /// <summary>"10.0.2": the running framework's version, as its packages are numbered.</summary>
    public static string FrameworkVersion => Environment.Version.ToString(3);

    private static IReadOnlyDictionary<string, string> ReadTrustedPlatformAssemblies()
    {
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            paths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        return paths;
    }
}
