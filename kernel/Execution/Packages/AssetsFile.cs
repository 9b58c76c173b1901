using System.Text.Json;

namespace CSharpKernel.Execution.Packages;

/// <summary>
/// Reads NuGet's project.assets.json: for every package of the closure, the files this process
/// loads. A package that ships <c>runtimes/&lt;rid&gt;/lib</c> or <c>runtimes/&lt;rid&gt;/native</c>
/// assets has them listed under runtimeTargets; the best RID of <see cref="RuntimeIds.Fallbacks"/>
/// that it has wins, and its RID-specific assemblies replace the portable ones.
/// </summary>
internal static class AssetsFile
{
    private const string Placeholder = "_._";

    public static IReadOnlyList<PackageAssets> Read(string path)
    {
        using var assets = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = assets.RootElement;
        var folders = root.GetProperty("packageFolders").EnumerateObject().Select(f => f.Name).ToList();
        var libraries = root.GetProperty("libraries");
        var target = root.GetProperty("targets").EnumerateObject().First().Value;
        var packages = new List<PackageAssets>();
        foreach (var library in target.EnumerateObject())
        {
            if (library.Value.TryGetProperty("type", out var type) && type.GetString() != "package")
                continue;
            var slash = library.Name.IndexOf('/');
            var relative = libraries.GetProperty(library.Name).GetProperty("path").GetString()!;
            var directory = folders.Select(f => Path.Combine(f, relative)).FirstOrDefault(Directory.Exists) ?? Path.Combine(folders[0], relative);
            var portable = Files(library.Value, "runtime").Select(a => a.Path);
            var specific = ForPlatform(library.Value, "runtime");
            packages.Add(new PackageAssets(
                library.Name[..slash], library.Name[(slash + 1)..], directory,
                Existing(directory, specific.Count > 0 ? specific : portable),
                Existing(directory, ForPlatform(library.Value, "native")),
                library.Value.TryGetProperty("dependencies", out var dependencies) ? [.. dependencies.EnumerateObject().Select(d => d.Name)] : []));
        }
        return packages;
    }

    /// <summary>The assets of one kind for the most specific RID that has any.</summary>
    private static List<string> ForPlatform(JsonElement library, string assetType)
    {
        var candidates = Files(library, "runtimeTargets")
            .Where(a => a.Properties.TryGetProperty("assetType", out var kind) && kind.GetString() == assetType)
            .Select(a => (a.Path, Rid: a.Properties.TryGetProperty("rid", out var rid) ? rid.GetString() : null))
            .ToList();
        var best = RuntimeIds.Fallbacks.FirstOrDefault(rid => candidates.Any(c => c.Rid == rid));
        return best is null ? [] : [.. candidates.Where(c => c.Rid == best).Select(c => c.Path)];
    }

    private static IEnumerable<(string Path, JsonElement Properties)> Files(JsonElement library, string section) =>
        library.TryGetProperty(section, out var files)
            ? files.EnumerateObject().Where(f => Path.GetFileName(f.Name) != Placeholder).Select(f => (f.Name, f.Value))
            : [];

    private static List<string> Existing(string directory, IEnumerable<string> relativePaths) =>
        [.. relativePaths.Select(p => Path.GetFullPath(Path.Combine(directory, p))).Where(File.Exists)];
}
