namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// A kernel's memory at one point of a session: VmRSS as the cells left it, then after a full
/// collection, split (from /proc/&lt;pid&gt;/smaps) into anonymous, the runtime's double-mapped and file-mapped pages; and
/// for a .NET kernel the runtime's own counters, read by a cell after the same collection.
/// </summary>
internal sealed record MemorySample(double RawMiB, double SettledMiB, double AnonymousMiB, double DoubleMappedMiB, double FileMiB, RuntimeCounters? Runtime);
