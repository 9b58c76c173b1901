namespace CSharpKernel.Benchmarks.Compare;

/// <summary>A process's memory as Linux reports it in /proc, read from outside the process.</summary>
internal static class ProcessMemory
{
    private const string DoubleMapper = "doublemapper";

    /// <summary>VmRSS, from /proc/&lt;pid&gt;/status.</summary>
    public static double ResidentMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return Kib(line, "VmRSS:") / 1024.0;
    }

    /// <summary>
    /// The resident pages by kind of mapping, in KiB: anonymous (heaps, stacks), the .NET runtime's
    /// double-mapped memory (with W^X on, the default, its JIT code, stubs and loader heaps live in a
    /// memfd named doublemapper, which smaps_rollup would count as neither anonymous nor a file), and
    /// files (assemblies, libraries).
    /// </summary>
    public static (long Anonymous, long DoubleMapped, long File) Split(int pid)
    {
        long anonymous = 0, doubleMapped = 0, file = 0;
        var name = "";
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            if (IsMappingHeader(line))
            {
                // address perms offset device inode [name]: the name is what follows the fifth field.
                var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                name = fields.Length == 6 ? fields[5].Trim() : "";
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                var kib = Kib(line, "Rss:");
                if (name.Contains(DoubleMapper, StringComparison.Ordinal))
                    doubleMapped += kib;
                else if (name.StartsWith('/') && !name.StartsWith("/dev/", StringComparison.Ordinal) && !name.StartsWith("/memfd:", StringComparison.Ordinal))
                    file += kib;
                else
                    anonymous += kib;
            }
        }
        return (anonymous, doubleMapped, file);
    }

    /// <summary>A mapping's first line starts with its address range (hex-hex); its fields' lines start with a name and a colon.</summary>
    private static bool IsMappingHeader(string line)
    {
        var dash = line.IndexOf('-');
        return dash > 0 && line[..dash].All(Uri.IsHexDigit);
    }

    private static long Kib(string line, string name) => long.Parse(line[name.Length..].Trim().Split(' ')[0]);
}
