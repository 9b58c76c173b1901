using System.Runtime.InteropServices;

namespace CSharpKernel.Security;

/// <summary>
/// The libc calls of the operating-system wall. The Security layer uses no other layer, so the
/// one prctl declaration lives here and the server's LinuxCalls (parent and children) use it.
/// </summary>
internal static class OsCalls
{
    public const int PrSetNoNewPrivs = 38;
    public const int OPath = 0x200000;
    public const int ODirectory = 0x10000;
    public const int OCloexec = 0x80000;
    public const int Eacces = 13;
    public const int Enosys = 38;
    public const int Eopnotsupp = 95;

    [DllImport("libc", EntryPoint = "prctl", SetLastError = true)]
    public static extern int Prctl(int option, ulong argument2, ulong argument3, ulong argument4, ulong argument5);

    [DllImport("libc", EntryPoint = "syscall", SetLastError = true)]
    public static extern long Syscall(long number, nint argument1, nint argument2, nint argument3, nint argument4);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "close")]
    public static extern int Close(int fd);

    /// <summary>Replaces the process; returns only on failure. Both arrays end with null, as execve(2) wants (LPStr is UTF-8 on Unix).</summary>
    [DllImport("libc", EntryPoint = "execve", SetLastError = true)]
    public static extern int Execve([MarshalAs(UnmanagedType.LPUTF8Str)] string path,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] argv,
        [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPStr)] string?[] envp);
}
