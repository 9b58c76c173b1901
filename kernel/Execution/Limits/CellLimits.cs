namespace CSharpKernel.Execution;

/// <summary>The limits each cell begins with: its output and time, and how long its work may take to stop.</summary>
internal sealed record CellLimits(long? OutputBytes, TimeSpan? CellTime, TimeSpan Grace)
{
    public static readonly CellLimits None = new(null, null, EngineSettings.DefaultInterruptGrace);

    public static CellLimits From(EngineSettings settings) =>
        new(settings.Limits.OutputBytes, settings.Limits.CellTime, settings.InterruptGrace);
}
