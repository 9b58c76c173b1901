using System.Diagnostics;
using CSharpKernel.Client;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// One kernel running one kind of soak cell: every cell's request-to-idle time, and a memory sample
/// at each checkpoint. The editor services are loaded before the first cell (one completion and one
/// inspection, as a notebook front end sends them), so their one-time cost is not read as growth.
/// </summary>
internal sealed class SoakSession : IDisposable
{
    private readonly KernelProcess _kernel;
    private readonly KernelClient _client;

    public SoakSession(SoakKind kind, Contender contender, int cells)
    {
        Kind = kind;
        Contender = contender;
        Milliseconds = new double[cells];
        (_kernel, _client) = Comparison.StartReady(contender);
        Comparison.Run(_client, contender.Code.Soak.Setup);
        StartFigures.TimeRequest(_client, "complete_request", contender.Code.Completion);
        StartFigures.TimeRequest(_client, "inspect_request", contender.Code.Inspection);
    }

    public SoakKind Kind { get; }
    public Contender Contender { get; }

    /// <summary>Request to idle of cell k (0-based), in ms.</summary>
    public double[] Milliseconds { get; }

    /// <summary>The memory after that many cells.</summary>
    public Dictionary<int, MemorySample> Memory { get; } = [];

    public void RunCell(int k)
    {
        var clock = Stopwatch.StartNew();
        Comparison.Run(_client, Kind.Cell(Contender.Code.Soak, k));
        Milliseconds[k] = clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Reads the memory as the cells left it, then collects (one cell, untimed) and reads it again.</summary>
    public void Sample(int cells)
    {
        var pid = _kernel.Process.Id;
        var raw = ProcessMemory.ResidentMiB(pid);
        var settled = MemoryFigures.SettledResidentMiB(_kernel, _client, Contender);
        var (anonymous, doubleMapped, file) = ProcessMemory.Split(pid);
        var runtime = Contender.Code.Soak.RuntimeCounters is { } counters
            ? RuntimeCounters.Parse(Comparison.Run(_client, counters).Stdout)
            : null;
        Memory[cells] = new MemorySample(raw, settled, anonymous / 1024.0, doubleMapped / 1024.0, file / 1024.0, runtime);
    }

    /// <summary>The median request-to-idle time of cells first..last (1-based, inclusive), of one variant of the mix or of all.</summary>
    public double MedianMilliseconds(int first, int last, int? variant = null)
    {
        var variants = Kind.Variants(Contender.Code.Soak).Length;
        var times = Enumerable.Range(first - 1, last - first + 1).Where(k => variant is null || k % variants == variant).Select(k => Milliseconds[k]).ToList();
        return Summary.Of(times).Median;
    }

    public void Dispose() => Comparison.Close(_kernel, _client);
}
