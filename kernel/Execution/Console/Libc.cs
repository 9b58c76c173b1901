using System.Runtime.InteropServices;

namespace CSharpKernel.Execution;

/// <summary>The few POSIX calls that redirecting file descriptors 1 and 2 needs.</summary>
internal static partial class Libc
{
    public const int StdoutFd = 1;
    public const int StderrFd = 2;
    public const short PollIn = 0x001;
    private const int GetFlags = 3;
    private const int SetFlags = 4;
    private const int NonBlocking = 0x800;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "pipe", SetLastError = true)]
    public static partial int Pipe([Out] int[] fds);

    [LibraryImport("libc", EntryPoint = "dup", SetLastError = true)]
    public static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int from, int to);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll([In, Out] PollFd[] fds, nuint count, int timeout);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);

    /// <summary>Reads on the descriptor return at once, with EAGAIN when nothing is there.</summary>
    public static void MakeNonBlocking(int fd)
    {
        var flags = Fcntl(fd, GetFlags, 0);
        if (flags < 0 || Fcntl(fd, SetFlags, flags | NonBlocking) < 0)
            throw new IOException($"fcntl on fd {fd} failed: errno {Marshal.GetLastPInvokeError()}");
    }
}
