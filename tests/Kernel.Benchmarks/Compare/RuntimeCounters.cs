namespace CSharpKernel.Benchmarks.Compare;

/// <summary>What the .NET runtime says of itself: the managed heap after a full collection, what the GC has committed, assemblies loaded, methods JIT-compiled.</summary>
internal sealed record RuntimeCounters(double HeapMiB, double CommittedMiB, int Assemblies, long JitMethods)
{
    /// <summary>Parses the line the soak's counters cell prints: heap bytes, committed bytes, assemblies, methods.</summary>
    public static RuntimeCounters Parse(string line)
    {
        var parts = line.Trim().Split(' ');
        if (parts.Length != 4)
            throw new InvalidOperationException($"the runtime counters cell printed '{line}'");
        return new RuntimeCounters(long.Parse(parts[0]) / 1048576.0, long.Parse(parts[1]) / 1048576.0, int.Parse(parts[2]), long.Parse(parts[3]));
    }
}
