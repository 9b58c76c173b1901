using CSharpKernel.Logging;

namespace CSharpKernel.Server;

/// <summary>
/// Ends every process the kernel started, and theirs (a cell's Process.Start, a shell and what it
/// ran), when the kernel stops: politely with SIGTERM, then with SIGKILL for whatever is still there
/// after a grace period. The tree is read from /proc once, before the first signal, because a child
/// whose parent dies is handed to another process and can no longer be found as ours.
/// </summary>
internal static class ChildProcesses
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public static void EndAll()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var descendants = Descendants(Environment.ProcessId);
        if (descendants.Count == 0)
            return;
        KernelLog.Info($"ending {descendants.Count} child process(es): {string.Join(", ", descendants)}");
        foreach (var pid in descendants)
            LinuxCalls.Kill(pid, LinuxCalls.SigTerm);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (descendants.Any(ProcStat.IsRunningNow) && clock.Elapsed < Grace)
            Thread.Sleep(PollInterval);
        foreach (var pid in descendants.Where(ProcStat.IsRunningNow))
        {
            KernelLog.Info($"child process {pid} ignored SIGTERM: killing it");
            LinuxCalls.Kill(pid, LinuxCalls.SigKill);
        }
    }

    private static List<int> Descendants(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || ProcStat.Read(pid) is not { } stat)
                continue;
            if (!children.TryGetValue(stat.ParentPid, out var list))
                children[stat.ParentPid] = list = [];
            list.Add(pid);
        }
        var found = new List<int>();
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in children.GetValueOrDefault(parent) ?? [])
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        }
        return found;
    }
}
