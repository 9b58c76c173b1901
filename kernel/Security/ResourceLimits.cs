namespace CSharpKernel.Security;

/// <summary>
/// What one cell may use. Null means no limit. Every level but unrestricted has the defaults
/// below, so a kernel handed to code nobody has read is bounded even when no one set a limit;
/// each can be changed by its setting (the engine settings read them from the environment).
/// </summary>
internal sealed record ResourceLimits
{
    public const long DefaultMemoryBytes = 2L << 30;
    public static readonly TimeSpan DefaultCellTime = TimeSpan.FromMinutes(2);
    public const long DefaultOutputBytes = 4L << 20;

    public static readonly ResourceLimits None = new();

    /// <summary>The managed heap's hard limit for the whole kernel process.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>How long a cell may run before it is interrupted.</summary>
    public TimeSpan? CellTime { get; init; }

    /// <summary>How many bytes of output (streams and display data) one cell may send; the rest is dropped.</summary>
    public long? OutputBytes { get; init; }

    public static ResourceLimits DefaultFor(SecurityLevel level) => level == SecurityLevel.Unrestricted
        ? None
        : new ResourceLimits { MemoryBytes = DefaultMemoryBytes, CellTime = DefaultCellTime, OutputBytes = DefaultOutputBytes };
}
