using System.Runtime.InteropServices;

namespace CSharpKernel.Security;

/// <summary>
/// A seccomp filter (seccomp(2)) for what Landlock does not cover: starting programs, tracing or
/// reading other processes' memory, and (at sandbox) opening new IPv4/IPv6 sockets. Installed on
/// every thread of the process at once (TSYNC); a refused call fails with EPERM, nothing is killed.
/// </summary>
internal static class SeccompFilter
{
    private const uint AuditArchX8664 = 0xC000003E;
    private const uint AuditArchAarch64 = 0xC00000B7;
    private const ushort LoadWord = 0x20;
    private const ushort JumpEqual = 0x15;
    private const ushort JumpAtLeast = 0x35;
    private const ushort Return = 0x06;
    private const uint Allow = 0x7fff0000;
    private const uint RefuseEperm = 0x00050001;
    private const int SetModeFilter = 1;
    private const int FilterFlagTsync = 1;
    private const int AfInet = 2;
    private const int AfInet6 = 10;


    private sealed record Calls(uint Arch, long Seccomp, uint Execve, uint Execveat, uint Ptrace, uint VmRead, uint VmWrite, uint Socket);

    private static readonly Calls X64 = new(AuditArchX8664, 317, 59, 322, 101, 310, 311, 41);
    private static readonly Calls Arm64 = new(AuditArchAarch64, 277, 221, 281, 117, 270, 271, 198);

    /// <summary>Null when this architecture has no filter here (the wall then says so).</summary>
    /// <param name="sandbox">Also refuse starting programs (at restricted, package restore starts dotnet).</param>
    /// <param name="refuseInternetSockets">Refuse new IPv4/IPv6 sockets: at sandbox over tcp (over ipc the relay opens one to NetMQ for each client).</param>
    public static string? Install(bool sandbox, bool refuseInternetSockets)
    {
        var calls = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => X64,
            Architecture.Arm64 => Arm64,
            _ => null,
        };
        if (calls is null)
            return null;
        var program = Program(calls, sandbox, refuseInternetSockets);
        var filter = Marshal.AllocHGlobal(program.Count * 8);
        var fprog = Marshal.AllocHGlobal(16);
        try
        {
            for (var i = 0; i < program.Count; i++)
            {
                var (code, jt, jf, k) = program[i];
                Marshal.WriteInt16(filter, i * 8, (short)code);
                Marshal.WriteByte(filter, i * 8 + 2, jt);
                Marshal.WriteByte(filter, i * 8 + 3, jf);
                Marshal.WriteInt32(filter, i * 8 + 4, (int)k);
            }
            Marshal.WriteInt16(fprog, 0, (short)program.Count);
            Marshal.WriteIntPtr(fprog, 8, filter);
            var result = OsCalls.Syscall(calls.Seccomp, SetModeFilter, FilterFlagTsync, fprog, 0);
            if (result != 0)
                throw new IOException(result > 0
                    ? $"seccomp: thread {result} could not take the filter"
                    : $"seccomp failed (errno {Marshal.GetLastPInvokeError()})");
            return Describe(sandbox, refuseInternetSockets);
        }
        finally
        {
            Marshal.FreeHGlobal(fprog);
            Marshal.FreeHGlobal(filter);
        }
    }

    /// <summary>
    /// Classic BPF over seccomp_data (nr at 0, arch at 4, args from 16): another architecture's
    /// calls (i386 through int 0x80, x32) are refused outright, since their numbers differ.
    /// </summary>
    public static string Describe(bool sandbox, bool refuseInternetSockets) =>
        sandbox ? refuseInternetSockets ? "seccomp (no programs, ptrace or IPv4/IPv6 sockets)" : "seccomp (no programs or ptrace)" : "seccomp (no ptrace)";

    private static List<(ushort, byte, byte, uint)> Program(Calls calls, bool sandbox, bool refuseInternetSockets)
    {
        var refused = sandbox
            ? new[] { calls.Execve, calls.Execveat, calls.Ptrace, calls.VmRead, calls.VmWrite }
            : [calls.Ptrace, calls.VmRead, calls.VmWrite];
        var program = new List<(ushort, byte, byte, uint)>
        {
            (LoadWord, 0, 0, 4),
            (JumpEqual, 1, 0, calls.Arch),
            (Return, 0, 0, RefuseEperm),
            (LoadWord, 0, 0, 0),
            (JumpAtLeast, 0, 1, 0x40000000),
            (Return, 0, 0, RefuseEperm),
        };
        foreach (var call in refused)
        {
            program.Add((JumpEqual, 0, 1, call));
            program.Add((Return, 0, 0, RefuseEperm));
        }
        if (refuseInternetSockets)
        {
            program.Add((JumpEqual, 0, 4, calls.Socket));
            program.Add((LoadWord, 0, 0, 16));
            program.Add((JumpEqual, 1, 0, AfInet));
            program.Add((JumpEqual, 0, 1, AfInet6));
            program.Add((Return, 0, 0, RefuseEperm));
        }
        program.Add((Return, 0, 0, Allow));
        return program;
    }
}
