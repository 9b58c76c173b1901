using System.Runtime.InteropServices;
using CSharpKernel.Logging;

namespace CSharpKernel.Server;

/// <summary>
/// Ends the kernel when the process that launched it is gone, so that a client that dies does not
/// leave an orphaned kernel burning memory. Watched: JPY_PARENT_PID (jupyter_client sets it), and
/// on Linux the kernel's own parent as it was at start, whoever that is (.NET Interactive, a kernel
/// gateway, a shell): when it dies the kernel is handed to another process and getppid changes.
/// Linux is also asked to signal the kernel the moment its parent dies, so that the kernel need not
/// wait for the next look.
/// </summary>
internal static class ParentWatch
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static PosixSignalRegistration? _parentDeath;

    public static void Start(Action onParentGone)
    {
        var jupyterParent = int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var pid) && pid > 1 ? pid : 0;
        var launcher = OperatingSystem.IsLinux() ? LinuxCalls.GetParentPid() : 0;
        // Started by init (or as a container's first process), the kernel has no launcher to outlive.
        if (launcher <= 1)
            launcher = 0;
        if (launcher > 0)
            AskForParentDeathSignal(launcher, onParentGone);
        if (jupyterParent == 0 && launcher == 0)
            return;
        var thread = new Thread(() =>
        {
            string? reason;
            while ((reason = GoneReason(jupyterParent, launcher)) is null)
                Thread.Sleep(Interval);
            KernelLog.Info($"{reason}: exiting");
            onParentGone();
        }) { IsBackground = true, Name = "parent-watch" };
        thread.Start();
    }

    /// <summary>
    /// Linux sends the death signal when the *thread* that started the kernel ends, not only its
    /// process: a launcher that starts kernels from a pool thread (.NET's thread pool retires idle
    /// threads) would stop a kernel whose client is alive. So the signal is SIGUSR1, not SIGTERM,
    /// and it only makes the kernel look whether its parent really changed.
    /// </summary>
    private static void AskForParentDeathSignal(int launcher, Action onParentGone)
    {
        _parentDeath = PosixSignalRegistration.Create((PosixSignal)LinuxCalls.SigUsr1, context =>
        {
            context.Cancel = true;
            if (LinuxCalls.GetParentPid() == launcher)
                return;
            KernelLog.Info($"the process that started the kernel ({launcher}) is gone: exiting");
            onParentGone();
        });
        if (!LinuxCalls.SignalOnParentDeath(LinuxCalls.SigUsr1))
            KernelLog.Warn($"prctl(PR_SET_PDEATHSIG) failed ({Marshal.GetLastPInvokeError()}): the parent is only polled");
    }

    private static string? GoneReason(int jupyterParent, int launcher)
    {
        if (jupyterParent > 0 && !IsAlive(jupyterParent))
            return $"parent process {jupyterParent} is gone";
        if (launcher > 0 && LinuxCalls.GetParentPid() != launcher)
            return $"the process that started the kernel ({launcher}) is gone";
        return null;
    }

    /// <summary>A dead parent that nobody has reaped yet is a zombie: gone too.</summary>
    private static bool IsAlive(int pid)
    {
        if (OperatingSystem.IsLinux())
            return ProcStat.IsRunningNow(pid);
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
