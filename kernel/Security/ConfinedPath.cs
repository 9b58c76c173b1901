namespace CSharpKernel.Security;

/// <summary>
/// Paths confined to one directory, for <c>Kernel.Files</c>: a path is resolved against the
/// directory; one that leaves it by <c>..</c>, by being absolute elsewhere, or through a symbolic
/// link (the real path of its deepest existing ancestor is what counts) is refused.
/// </summary>
internal sealed class ConfinedPath
{
    private const int MaxLinks = 40;

    public ConfinedPath(string root) => Root = RealPath(Path.GetFullPath(root));

    /// <summary>The directory's real path (symbolic links resolved).</summary>
    public string Root { get; }

    /// <summary>The full real path the name stands for, inside <see cref="Root"/>.</summary>
    /// <exception cref="UnauthorizedAccessException">The path leaves the directory.</exception>
    public string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = RealPath(Path.GetFullPath(path, Root));
        if (!Inside(full))
            throw new UnauthorizedAccessException($"'{path}' is outside the working directory {Root}: Kernel.Files reaches only files under it");
        return full;
    }

    /// <summary>The path relative to the root, with '/' between names, as a listing shows it.</summary>
    public string Relative(string full) => Path.GetRelativePath(Root, full).Replace(Path.DirectorySeparatorChar, '/');

    private bool Inside(string full) =>
        full == Root || full.StartsWith(Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Every symbolic link along the path resolved; the names past the deepest existing one kept as they are.</summary>
    private static string RealPath(string full, int depth = 0)
    {
        if (depth > MaxLinks)
            throw new IOException($"too many symbolic links in {full}");
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var name in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, name);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
                next = RealPath(Path.GetFullPath(target, current), depth + 1);
            current = next;
        }
        return current;
    }
}
