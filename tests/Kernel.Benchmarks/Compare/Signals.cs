using System.Runtime.InteropServices;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>SIGINT straight through libc, so that the clock does not include starting a kill process.</summary>
internal static class Signals
{
    private const int Sigint = 2;

    public static void Interrupt(int pid)
    {
        if (Kill(pid, Sigint) != 0)
            throw new InvalidOperationException($"kill failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
