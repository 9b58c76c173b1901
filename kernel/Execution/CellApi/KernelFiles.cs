using System.Text;
using CSharpKernel.Security;

namespace CSharpKernel.Execution;

/// <summary>
/// Files under the kernel's working directory, as <c>Kernel.Files</c>: the capability the restricted
/// level gives instead of <c>System.IO</c>. Every path is relative to the working directory (an
/// absolute one must lie under it); <c>..</c> or a symbolic link that leads out is refused with
/// <see cref="UnauthorizedAccessException"/>. At standard and unrestricted it is a convenience; at
/// sandbox, which allows no files, every call is refused.
/// </summary>
public sealed class KernelFiles
{
    private readonly ConfinedPath _root;
    private readonly Func<SecurityLevel> _level;

    internal KernelFiles(string workingDirectory, Func<SecurityLevel> level)
    {
        _root = new ConfinedPath(workingDirectory);
        _level = level;
    }

    /// <summary>The directory every path is resolved against (its real path).</summary>
    public string Root => _root.Root;

    public string ReadText(string path) => File.ReadAllText(Resolve(path), Encoding.UTF8);

    public byte[] ReadBytes(string path) => File.ReadAllBytes(Resolve(path));

    /// <summary>Writes the file (UTF-8, no byte order mark), replacing it; missing folders under the working directory are made.</summary>
    public void WriteText(string path, string text) => File.WriteAllText(ForWriting(path), text, new UTF8Encoding(false));

    public void WriteBytes(string path, byte[] bytes) => File.WriteAllBytes(ForWriting(path), bytes);

    public void AppendText(string path, string text) => File.AppendAllText(ForWriting(path), text, new UTF8Encoding(false));

    /// <summary>True for a file or a folder under the working directory; a path outside it is refused, not false.</summary>
    public bool Exists(string path)
    {
        var full = Resolve(path);
        return File.Exists(full) || Directory.Exists(full);
    }

    /// <summary>The folder's entries, relative to the working directory, sorted; folders end with '/'.</summary>
    public IReadOnlyList<string> List(string path = ".")
    {
        var full = Resolve(path);
        return Directory.EnumerateFileSystemEntries(full)
            .Select(entry => _root.Relative(entry) + (Directory.Exists(entry) ? "/" : ""))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Deletes a file, or an empty folder; the working directory itself cannot be deleted.</summary>
    public void Delete(string path)
    {
        var full = Resolve(path);
        if (full == _root.Root)
            throw new UnauthorizedAccessException("the working directory itself cannot be deleted");
        if (Directory.Exists(full) && new FileInfo(full).LinkTarget is null)
            Directory.Delete(full);
        else if (File.Exists(full))
            File.Delete(full);
        else
            throw new FileNotFoundException($"no file or folder '{path}' under {_root.Root}", path);
    }

    private string ForWriting(string path)
    {
        var full = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    private string Resolve(string path)
    {
        var level = _level();
        if (level == SecurityLevel.Sandbox)
            throw new UnauthorizedAccessException("Kernel.Files is not available at the sandbox level (pure computation, no files); restricted and above allow files under the working directory");
        return _root.Resolve(path);
    }
}
