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

    private static bool IsAlive(int pid)
    {
        // A parent that died leaves us re-parented; /proc tells whether the pid still exists.
        if (OperatingSystem.IsLinux())
            return Directory.Exists($"/proc/{pid}") && Environment.ProcessId != pid;
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
