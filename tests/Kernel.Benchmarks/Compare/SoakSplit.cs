namespace CSharpKernel.Benchmarks.Compare;

/// <summary>
/// Where a soak's growth goes, per cell: resident anonymous, double-mapped and file-mapped pages
/// (both kernels, from /proc), and for ours the managed heap, the rest of what the GC committed, the anonymous
/// memory outside the GC (JIT code, the type loader's heaps, native buffers), assemblies and JIT
/// compilations, from the runtime's own counters.
/// </summary>
internal static class SoakSplit
{
    public delegate Figure FigureOf(string name, string unit, Func<SoakSession, double?> value, string? note = null, Goal? goal = null);

    public static IEnumerable<Figure> Figures(int from, int to, FigureOf of)
    {
        var window = $"cells {from:N0}-{to:N0}";
        double? Runtime(SoakSession s, Func<RuntimeCounters, double> part) =>
            s.Memory[to].Runtime is null ? null : SoakFigures.Growth(s, from, to, m => part(m.Runtime!));
        double? Count(SoakSession s, Func<RuntimeCounters, double> part) =>
            s.Memory[to].Runtime is null ? null : SoakFigures.PerCell(s, from, to, m => part(m.Runtime!));
        yield return of($"growth per cell, {window}: resident anonymous", "KiB", s => SoakFigures.Growth(s, from, to, m => m.AnonymousMiB));
        yield return of($"growth per cell, {window}: resident double-mapped (JIT code, stubs, loader heaps)", "KiB",
            s => SoakFigures.Growth(s, from, to, m => m.DoubleMappedMiB));
        yield return of($"growth per cell, {window}: resident file-mapped", "KiB", s => SoakFigures.Growth(s, from, to, m => m.FileMiB));
        yield return of($"growth per cell, {window}: managed heap (live)", "KiB", s => Runtime(s, r => r.HeapMiB));
        yield return of($"growth per cell, {window}: GC committed beyond live", "KiB", s => Runtime(s, r => r.CommittedMiB - r.HeapMiB));
        yield return of($"growth per cell, {window}: anonymous outside the GC", "KiB",
            s => s.Memory[to].Runtime is null ? null : SoakFigures.Growth(s, from, to, m => m.AnonymousMiB - m.Runtime!.CommittedMiB));
        yield return of($"assemblies loaded per cell, {window}", "asm", s => Count(s, r => r.Assemblies));
        yield return of($"methods JIT-compiled per cell, {window}", "meth", s => Count(s, r => r.JitMethods));
    }
}
