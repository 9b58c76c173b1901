using System.Globalization;

namespace CSharpKernel.Execution;

/// <summary>What users see when a cell reaches one of the resource limits: each says the limit and the setting that changes it.</summary>
internal static class LimitErrors
{
    public const string TimeLimitName = "TimeLimitExceeded";
    public const string MemoryLimitName = "OutOfMemoryException";

    public static CellError TimeLimit(TimeSpan limit) =>
        Error(TimeLimitName, $"The cell was stopped: it ran longer than the {Seconds(limit)} limit per cell ({EngineSettings.TimeLimitVariable}). "
                             + "Variables it assigned before are kept.");

    /// <summary>The cell did not reach a checkpoint within the grace period after its time ran out.</summary>
    public static CellError TimeLimitAbandoned(TimeSpan limit, TimeSpan grace) =>
        Error(TimeLimitName, $"The cell was stopped: it ran longer than the {Seconds(limit)} limit per cell ({EngineSettings.TimeLimitVariable}). "
                             + $"It did not stop within {grace.TotalMilliseconds:0} ms (it is stuck in framework or native code), so it was "
                             + "abandoned: it may still be running, and nothing it assigned is kept.");

    public static CellError Memory(long limit) =>
        Error(MemoryLimitName, $"The cell ran out of memory: the kernel's managed heap may hold {ByteSize.Format(limit)} "
                               + $"({EngineSettings.MemoryLimitVariable}; 0 for no limit). What the cell's locals held is released; what its "
                               + "variables hold is kept: set them to null, or %reset, to free it.");

    public static string OutputDropped(long limit, long dropped) =>
        $"[output limit: {ByteSize.Format(limit)} per cell reached; {ByteSize.Format(dropped)} dropped ({EngineSettings.OutputLimitVariable})]";

    public static string BackgroundStopped(TimeSpan limit) =>
        $"[time limit: work this cell started was still running after {Seconds(limit)} and was stopped ({EngineSettings.TimeLimitVariable})]";

    private static string Seconds(TimeSpan limit) => $"{limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    private static CellError Error(string name, string evalue) => new(name, evalue, [$"{name}: {evalue}"]);
}
