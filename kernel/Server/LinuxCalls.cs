using System.Runtime.InteropServices;
using CSharpKernel.Security;

namespace CSharpKernel.Server;

/// <summary>The few libc calls the kernel needs to look after its parent and its children on Linux.</summary>
internal static class LinuxCalls
{
    public const int SigKill = 9;
    public const int SigUsr1 = 10;
    public const int SigTerm = 15;
    private const int PrSetPdeathsig = 1;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "getppid")]
    public static extern int GetParentPid();

    /// <summary>Asks Linux to send the signal to this process when the thread that started it ends.</summary>
    public static bool SignalOnParentDeath(int signal) => OsCalls.Prctl(PrSetPdeathsig, (ulong)signal, 0, 0, 0) == 0;
}
