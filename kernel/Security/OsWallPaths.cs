using System.Runtime.InteropServices;

namespace CSharpKernel.Security;

/// <summary>
/// The files the kernel still reaches inside the wall. Reading: the runtime and shared libraries,
/// the kernel's own folder, /proc (Landlock's ptrace rule keeps other processes' memory and
/// environment closed), the cgroup and CPU facts the GC reads, the random devices. Writing: only
/// /dev/null at sandbox; at restricted also the working directory, the package caches and a
/// temporary folder of the kernel's own, which restore (a dotnet child, inside the same wall) writes.
/// </summary>
internal static class OsWallPaths
{
    private const ulong ReadExecute = LandlockRuleset.Read | LandlockRuleset.Execute;

    public static IEnumerable<(string Path, ulong Access)> For(SecurityLevel level, OsWallScope scope)
    {
        var runtime = Path.GetDirectoryName(Path.GetDirectoryName(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd('/')))!;
        var dotnetRoot = Path.GetDirectoryName(runtime)!;
        foreach (var path in new[] { "/usr", "/lib", "/lib64", "/etc/ld.so.cache", "/etc/localtime", dotnetRoot, AppContext.BaseDirectory, Environment.ProcessPath ?? "" })
        {
            if (path.Length > 0)
                yield return (path, ReadExecute);
        }
        foreach (var path in new[] { "/proc", "/sys/fs/cgroup", "/sys/devices/system/cpu", "/dev/urandom", "/dev/random" })
            yield return (path, LandlockRuleset.Read);
        yield return (scope.ConnectionFile, LandlockRuleset.ReadFile);
        yield return ("/dev/null", LandlockRuleset.ReadFile | LandlockRuleset.WriteFile);
        // The ipc transport's Unix sockets: made at start, a stale one removed first, all removed at the end.
        if (scope.IpcDirectory is { } ipc)
            yield return (ipc, LandlockRuleset.MakeSock | LandlockRuleset.RemoveFile);
        if (level != SecurityLevel.Restricted)
            yield break;
        // Restore reads certificates and name resolution's files.
        foreach (var path in new[] { "/etc/ssl", "/etc/ca-certificates", "/etc/pki", "/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf", "/etc/gai.conf", "/etc/host.conf", "/etc/services" })
            yield return (path, LandlockRuleset.Read);
        foreach (var path in scope.PackageDirectories.Append(scope.WorkingDirectory).Append(scope.TempDirectory))
        {
            Directory.CreateDirectory(path);
            yield return (path, ulong.MaxValue);
        }
    }
}
