using CSharpKernel.Logging;

namespace CSharpKernel.Server;

/// <summary>
/// Ends the kernel when the process that launched it is gone (JPY_PARENT_PID), so that a client
/// that dies does not leave an orphaned kernel burning memory.
/// </summary>
public static class ParentWatch
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public static void Start(Action onParentGone)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var parentPid) || parentPid <= 1)
            return;
        var thread = new Thread(() =>
        {
            while (IsAlive(parentPid))
                Thread.Sleep(Interval);
            KernelLog.Info($"parent process {parentPid} is gone: exiting");
            onParentGone();
        }) { IsBackground = true, Name = "parent-watch" };
        thread.Start();
    }

    /// <summary>A dead parent that nobody has reaped yet is a zombie ("Z" in /proc/PID/stat): gone too.</summary>
    private static bool IsRunningOnLinux(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsLinux())
            return IsRunningOnLinux(pid);
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
