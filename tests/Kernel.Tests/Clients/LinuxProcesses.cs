namespace CSharpKernel.Tests.Clients;

/// <summary>
/// Finds kernel processes that a Jupyter client started, by their command line (which names the
/// connection file in the sandbox's runtime directory), from /proc.
/// </summary>
public static class LinuxProcesses
{
    public static IReadOnlyList<int> WithCommandLineContaining(string text)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || !IsRunning(pid))
                continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text, StringComparison.Ordinal))
                    found.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return found;
    }

    /// <summary>
    /// Polls until the process has ended; for clients that send shutdown_request and leave without
    /// waiting (jupyter console), the kernel ends a moment after they do.
    /// </summary>
    public static bool WaitForEnd(int pid, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (IsRunning(pid))
        {
            if (clock.Elapsed > timeout)
                return false;
            Thread.Sleep(50);
        }
        return true;
    }

    /// <summary>True while the process exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
