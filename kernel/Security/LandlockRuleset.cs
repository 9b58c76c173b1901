using System.Runtime.InteropServices;

namespace CSharpKernel.Security;

/// <summary>
/// A Landlock ruleset (landlock(7)): what the process may still do with files and TCP ports once it
/// restricts itself. Everything the ruleset handles and no rule allows is refused by Linux with
/// EACCES, to this process and every process it starts, for good.
/// </summary>
internal sealed class LandlockRuleset : IDisposable
{
    public const ulong Execute = 1 << 0;
    public const ulong WriteFile = 1 << 1;
    public const ulong ReadFile = 1 << 2;
    public const ulong ReadDir = 1 << 3;
    public const ulong RemoveFile = 1 << 5;
    public const ulong MakeSock = 1 << 9;
    public const ulong Truncate = 1 << 14;
    public const ulong BindTcp = 1 << 0;
    public const ulong ConnectTcp = 1 << 1;

    /// <summary>Reading files and listing directories.</summary>
    public const ulong Read = ReadFile | ReadDir;

    /// <summary>What a file (rather than a directory) rule may grant.</summary>
    private const ulong FileRights = Execute | WriteFile | ReadFile | Truncate | (1 << 15);

    private const long CreateRuleset = 444;
    private const long AddRule = 445;
    private const long RestrictSelfCall = 446;
    private const int CreateRulesetVersion = 1;
    private const int RulePathBeneath = 1;
    private const int RuleNetPort = 2;

    private readonly int _fd;

    private LandlockRuleset(int fd, ulong handledFs)
    {
        _fd = fd;
        HandledFs = handledFs;
    }

    /// <summary>Every file right this ruleset refuses unless a rule allows it.</summary>
    public ulong HandledFs { get; }

    /// <summary>The Landlock ABI this kernel offers, or a negative errno (ENOSYS: too old; EOPNOTSUPP: built in but disabled).</summary>
    public static int Abi()
    {
        var version = OsCalls.Syscall(CreateRuleset, 0, 0, CreateRulesetVersion, 0);
        return version >= 0 ? (int)version : -Marshal.GetLastPInvokeError();
    }

    /// <summary>Every file right of the ABI (refer from 2, truncate from 3, device ioctl from 5); TCP from 4; scopes from 6.</summary>
    public static LandlockRuleset Create(int abi, bool handleBind, bool handleConnect)
    {
        var fs = (1UL << 13) - 1;
        if (abi >= 2) fs |= 1 << 13;
        if (abi >= 3) fs |= Truncate;
        if (abi >= 5) fs |= 1 << 15;
        var net = abi >= 4 ? (handleBind ? BindTcp : 0) | (handleConnect ? ConnectTcp : 0) : 0;
        // Scopes: no connecting to abstract unix sockets, no signals to processes outside the wall.
        var scoped = abi >= 6 ? 3UL : 0;
        var size = abi >= 6 ? 24 : abi >= 4 ? 16 : 8;
        var attr = Marshal.AllocHGlobal(24);
        try
        {
            Marshal.WriteInt64(attr, 0, (long)fs);
            Marshal.WriteInt64(attr, 8, (long)net);
            Marshal.WriteInt64(attr, 16, (long)scoped);
            var fd = OsCalls.Syscall(CreateRuleset, attr, size, 0, 0);
            if (fd < 0)
                throw new IOException($"landlock_create_ruleset failed (errno {Marshal.GetLastPInvokeError()})");
            return new LandlockRuleset((int)fd, fs);
        }
        finally
        {
            Marshal.FreeHGlobal(attr);
        }
    }

    /// <summary>Allows the rights on the path and, for a directory, everything beneath it. A missing path is skipped.</summary>
    public bool AllowBeneath(string path, ulong access)
    {
        var fd = OsCalls.Open(path, OsCalls.OPath | OsCalls.OCloexec);
        if (fd < 0)
            return false;
        try
        {
            if (!Directory.Exists(path))
                access &= FileRights;
            var attr = Marshal.AllocHGlobal(12);
            try
            {
                Marshal.WriteInt64(attr, 0, (long)(access & HandledFs));
                Marshal.WriteInt32(attr, 8, fd);
                if (OsCalls.Syscall(AddRule, _fd, RulePathBeneath, attr, 0) < 0)
                    throw new IOException($"landlock_add_rule({path}) failed (errno {Marshal.GetLastPInvokeError()})");
                return true;
            }
            finally
            {
                Marshal.FreeHGlobal(attr);
            }
        }
        finally
        {
            OsCalls.Close(fd);
        }
    }

    public void AllowPort(int port, ulong access)
    {
        var attr = Marshal.AllocHGlobal(16);
        try
        {
            Marshal.WriteInt64(attr, 0, (long)access);
            Marshal.WriteInt64(attr, 8, port);
            if (OsCalls.Syscall(AddRule, _fd, RuleNetPort, attr, 0) < 0)
                throw new IOException($"landlock_add_rule(port {port}) failed (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            Marshal.FreeHGlobal(attr);
        }
    }

    /// <summary>Restricts the calling thread (and what it executes next); no_new_privs must be set first.</summary>
    public void RestrictSelf()
    {
        if (OsCalls.Syscall(RestrictSelfCall, _fd, 0, 0, 0) < 0)
            throw new IOException($"landlock_restrict_self failed (errno {Marshal.GetLastPInvokeError()})");
    }

    public void Dispose() => OsCalls.Close(_fd);
}
