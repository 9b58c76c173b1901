using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// Our kernel against Debian's ipykernel in the same run, both started from their kernelspecs and
/// driven by the same ZeroMQ client, interleaved; prints a table and writes the figures as JSON.
/// </summary>
internal static class CompareSuite
{
    public const string IpykernelSpec = "/usr/share/jupyter/kernels/python3";

    /// <param name="ourSpec">An installed kernelspec directory of ours, or null to install this build's into a temporary prefix.</param>
    /// <param name="only">The groups to measure (start, session, interrupt, memory, typing, soak, reset), or null for all.</param>
    /// <param name="againstSpec">An installed kernelspec directory of another build of ours to compare with instead of
    /// ipykernel, so that a change's cost is measured before and after in one run.</param>
    public static int Run(bool isShort, string? ourSpec, string jsonPath, IReadOnlySet<string>? only = null, string? againstSpec = null)
    {
        var prefix = Path.Combine(Path.GetTempPath(), $"kernel-benchmark-{Guid.NewGuid():N}");
        var ipythonDirectory = Path.Combine(prefix, "ipython");
        try
        {
            var specDirectory = ourSpec ?? InstallThisBuild(prefix);
            var ours = Contender.FromKernelspec("ours", specDirectory, ContenderCode.CSharp);
            // ipykernel keeps its history and profile in a throw-away IPYTHONDIR, never the user's.
            var theirs = againstSpec is not null
                ? Contender.FromKernelspec("before", againstSpec, ContenderCode.CSharp)
                : File.Exists(Path.Combine(IpykernelSpec, "kernel.json"))
                ? Contender.FromKernelspec("ipykernel", IpykernelSpec, ContenderCode.Python, new Dictionary<string, string> { ["IPYTHONDIR"] = ipythonDirectory })
                : null;
            var comparison = new Comparison(ours, theirs, isShort ? Counts.Short : Counts.Full);
            Console.WriteLine($"compare ({(isShort ? "short" : "full")} run), {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}");
            foreach (var contender in comparison.Both)
                Console.WriteLine($"  {contender} (kernelspec {contender.SpecDirectory}, interrupt by {(contender.InterruptByMessage ? "message" : "SIGINT")})");
            if (theirs is null)
                Console.WriteLine($"  ipykernel: no kernelspec at {IpykernelSpec}, measuring ours alone");

            // One untimed start of each, so that neither pays for a cold disk cache or a first profile.
            foreach (var contender in comparison.Both)
            {
                var (kernel, client) = Comparison.StartReady(contender);
                Comparison.Close(kernel, client);
            }

            var clock = Stopwatch.StartNew();
            var figures = new List<Figure>();
            var groups = new (string Name, Func<Comparison, IEnumerable<Figure>> Measure)[]
            {
                ("start", StartFigures.Measure), ("session", SessionFigures.Measure),
                ("interrupt", InterruptFigures.Measure), ("memory", MemoryFigures.Measure), ("typing", TypingFigures.Measure),
                ("soak", c => [.. FirstCellFigures.Measure(c), .. SoakFigures.Measure(c)]), ("reset", ResetFigures.Measure),
            };
            foreach (var (name, measure) in groups.Where(g => only is null || only.Contains(g.Name)))
                figures.AddRange(measure(comparison));
            FigureTable.Print(figures, Console.Out, theirs?.Name ?? "ipykernel");
            GoalTable.Print(figures, Console.Out, theirs?.Name ?? "ipykernel");
            var about = new JsonObject
            {
                ["run"] = isShort ? "short" : "full",
                ["utc"] = DateTime.UtcNow.ToString("o"),
                ["cores"] = Environment.ProcessorCount,
                ["seconds"] = clock.Elapsed.TotalSeconds,
                ["kernels"] = new JsonArray(comparison.Both.Select(c => (JsonNode)c.ToString()).ToArray()),
            };
            FigureTable.Write(figures, jsonPath, about);
            Console.WriteLine($"measured in {clock.Elapsed.TotalSeconds:F0} s; figures written to {jsonPath}");
            return 0;
        }
        finally
        {
            if (Directory.Exists(prefix))
                Directory.Delete(prefix, recursive: true);
        }
    }

    /// <summary>This build's own install command, as a user runs it, into a prefix of our own.</summary>
    private static string InstallThisBuild(string prefix)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "csharp-kernel.dll");
        var install = Process.Start(new ProcessStartInfo("dotnet", [dll, "install", "--prefix", prefix, "--name", "csharp-benchmark"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = install.StandardOutput.ReadToEnd() + install.StandardError.ReadToEnd();
        install.WaitForExit();
        if (install.ExitCode != 0)
            throw new InvalidOperationException($"install failed: {output}");
        return Path.Combine(prefix, "share", "jupyter", "kernels", "csharp-benchmark");
    }
}
