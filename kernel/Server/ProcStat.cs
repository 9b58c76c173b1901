namespace CSharpKernel.Server;

/// <summary>What Linux's /proc/PID/stat says of a process: its state and its parent.</summary>
internal readonly record struct ProcStat(char State, int ParentPid)
{
    /// <summary>An exited process not yet reaped is a zombie ("Z"): it runs no more.</summary>
    public bool IsRunning => State is not ('Z' or 'X');

    /// <summary>"pid (comm) state ppid ...", where comm may itself hold spaces and parentheses; null when there is no such process.</summary>
    public static ProcStat? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return new ProcStat(fields[0][0], int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public static bool IsRunningNow(int pid) => Read(pid) is { IsRunning: true };
}
