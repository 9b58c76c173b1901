using System.Runtime.InteropServices;
using CSharpKernel.Logging;

namespace CSharpKernel.Security;

/// <summary>
/// The second wall, from the operating system, at the sandbox and restricted levels: should a cell
/// get past the compile-time policy, Linux still refuses what the level refuses.
/// <para>
/// Landlock restricts only the thread that asks and what it executes next, and a .NET process
/// has a dozen threads before <c>Main</c>; so the kernel restricts its main thread and executes
/// itself again (same pid, same arguments, same standard streams), and the whole new process,
/// every thread it will ever have, starts inside the wall. Seccomp, which can cover every thread at
/// once, is added before the first cell (<see cref="Seal"/>), once the sockets are bound.
/// </para>
/// </summary>
internal static class OsWall
{
    /// <summary>Set for the executed process only: the pid that entered the wall, so that an inherited or forged value means nothing.</summary>
    public const string EnteredVariable = "CSHARP_KERNEL_WALL_PID";

    private static int _sealed;
    private static SecurityLevel _level = SecurityLevel.Unrestricted;
    private static string _landlock = "";
    private static string _missing = "";
    private static bool _tcp = true;

    /// <summary>What the banner, <c>#!about</c> and the start log say of the wall.</summary>
    public static string Status { get; private set; } = "off at this level";

    public static bool Applies(SecurityLevel level) => level is SecurityLevel.Sandbox or SecurityLevel.Restricted;

    /// <summary>
    /// Called first thing when the kernel starts: at sandbox and restricted, either this is the
    /// process that already entered the wall (and it checks that the wall holds), or it enters it
    /// now and executes itself again, returning only where the wall cannot be had.
    /// </summary>
    public static void Enter(SecurityLevel level, OsWallScope scope)
    {
        _level = level;
        _tcp = scope.TcpPorts.Count > 0;
        if (!Applies(level))
            return;
        if (!OperatingSystem.IsLinux())
        {
            Status = "not available (not Linux)";
            KernelLog.Warn($"second wall: {Status}");
            return;
        }
        var abi = LandlockRuleset.Abi();
        if (Environment.GetEnvironmentVariable(EnteredVariable) == Environment.ProcessId.ToString())
        {
            Environment.SetEnvironmentVariable(EnteredVariable, null);
            _landlock = Holds() ? Describe(level, abi, scope) : "";
            Compose(_landlock.Length == 0 ? "Landlock was applied but does not hold" : "", Planned());
            return;
        }
        if (abi < 1)
        {
            Compose(abi == -OsCalls.Eopnotsupp ? "Landlock is disabled in this Linux kernel" : "Landlock unsupported by this Linux kernel", Planned());
            return;
        }
        try
        {
            Restrict(level, abi, scope);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Compose($"Landlock failed: {e.Message}", Planned());
            return;
        }
        ExecuteAgain(level, scope);
    }

    /// <summary>
    /// Before the first cell runs: seccomp on every thread (no ptrace; at sandbox no programs and,
    /// over tcp, no new IPv4/IPv6 sockets: the kernel's are bound by now). Once; later calls do nothing.
    /// </summary>
    public static void Seal()
    {
        if (!Applies(_level) || !OperatingSystem.IsLinux() || Interlocked.Exchange(ref _sealed, 1) != 0)
            return;
        string? seccomp;
        try
        {
            // Seccomp asks for no_new_privs; TSYNC gives it to the other threads too.
            if (OsCalls.Prctl(OsCalls.PrSetNoNewPrivs, 1, 0, 0, 0) != 0)
                throw new IOException($"prctl(PR_SET_NO_NEW_PRIVS) failed (errno {Marshal.GetLastPInvokeError()})");
            seccomp = SeccompFilter.Install(sandbox: _level == SecurityLevel.Sandbox, refuseInternetSockets: _level == SecurityLevel.Sandbox && _tcp);
        }
        catch (IOException e)
        {
            seccomp = null;
            KernelLog.Warn($"second wall: {e.Message}");
        }
        if (seccomp != Planned())
            Compose(_missing, seccomp ?? "");
    }

    /// <summary>What seccomp will refuse at this level, from before the first cell (<see cref="Seal"/>).</summary>
    private static string Planned() => SeccompFilter.Describe(_level == SecurityLevel.Sandbox, _level == SecurityLevel.Sandbox && _tcp);

    /// <summary>The wall as cells will meet it, said once at start (and again should seccomp fail).</summary>
    private static void Compose(string missing, string seccomp)
    {
        _missing = missing;
        var parts = string.Join(", ", new[] { _landlock, "no_new_privs", seccomp }.Where(p => p.Length > 0));
        Status = missing.Length == 0 ? "on: " + parts : $"partial ({missing}; files and TCP not walled): {parts}";
        if (missing.Length == 0)
            KernelLog.Info($"second wall: {Status}");
        else
            KernelLog.Warn($"second wall: {Status}");
    }

    private static void Restrict(SecurityLevel level, int abi, OsWallScope scope)
    {
        // Binding is walled to the kernel's own ports, and port 0: NetMQ signals between its threads
        // through loopback TCP pairs on ephemeral ports, and connects to them, so connecting cannot be
        // walled by port; at sandbox seccomp refuses new IPv4/IPv6 sockets once the kernel's exist.
        var tcp = scope.TcpPorts.Count > 0;
        using var ruleset = LandlockRuleset.Create(abi, handleBind: tcp, handleConnect: false);
        foreach (var (path, access) in OsWallPaths.For(level, scope))
            ruleset.AllowBeneath(path, access);
        if (abi >= 4 && tcp)
        {
            foreach (var port in scope.TcpPorts.Append(0))
                ruleset.AllowPort(port, LandlockRuleset.BindTcp);
        }
        if (OsCalls.Prctl(OsCalls.PrSetNoNewPrivs, 1, 0, 0, 0) != 0)
            throw new IOException($"prctl(PR_SET_NO_NEW_PRIVS) failed (errno {Marshal.GetLastPInvokeError()})");
        ruleset.RestrictSelf();
    }

    /// <summary>The same program with the same arguments (from /proc/self/cmdline, exactly as started), inside the wall.</summary>
    private static void ExecuteAgain(SecurityLevel level, OsWallScope scope)
    {
        var argv = File.ReadAllText("/proc/self/cmdline").TrimEnd('\0').Split('\0');
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value);
        environment[EnteredVariable] = Environment.ProcessId.ToString();
        // The history database lies outside the wall: history is kept in memory. No debugger,
        // profiler or diagnostics socket either (the runtime would make one in /tmp).
        environment["CSHARP_KERNEL_HISTORY"] = "off";
        environment["DOTNET_EnableDiagnostics"] = "0";
        if (level == SecurityLevel.Restricted)
            environment["TMPDIR"] = scope.TempDirectory;
        string?[] envp = [.. environment.Select(e => $"{e.Key}={e.Value}"), null];
        Console.Out.Flush();
        Console.Error.Flush();
        OsCalls.Execve("/proc/self/exe", [.. argv, null], envp);
        // The main thread is walled and the others are not: no state to serve cells from.
        KernelLog.Warn($"second wall at {level.Name()}: executing the kernel again inside Landlock failed (errno {Marshal.GetLastPInvokeError()}); not starting");
        Environment.Exit(3);
    }

    /// <summary>Inside the wall the root directory cannot be listed: no rule allows it.</summary>
    private static bool Holds()
    {
        var fd = OsCalls.Open("/", OsCalls.ODirectory | OsCalls.OCloexec);
        if (fd >= 0)
        {
            OsCalls.Close(fd);
            return false;
        }
        return Marshal.GetLastPInvokeError() == OsCalls.Eacces;
    }

    private static string Describe(SecurityLevel level, int abi, OsWallScope scope)
    {
        var files = level == SecurityLevel.Restricted
            ? "files: the runtime and the kernel read-only, the working directory, the package caches and a temporary folder of its own read-write"
            : "files: the runtime and the kernel read-only, nothing writable";
        var tcp = abi < 4 ? "TCP: not walled (Landlock ABI < 4)"
            : scope.TcpPorts.Count == 0 ? "TCP: not walled (ipc transport)"
            : "TCP: bind only the kernel's ports and ephemeral ones";
        return $"Landlock ABI {abi} ({files}; {tcp})";
    }
}
