using System.Globalization;
using CSharpKernel.History;
using CSharpKernel.Logging;
using CSharpKernel.Security;

namespace CSharpKernel.Execution;

/// <summary>
/// The engine's settings, read from the environment (kernel.json's `env`) once, when the kernel
/// starts, and handed down to what uses them, so a deployment can trade memory for history or
/// move a cache without a rebuild, and nothing reads the environment behind the caller's back.
/// </summary>
internal sealed record EngineSettings
{
    public const string ClassifierCacheVariable = "CSHARP_KERNEL_CLASSIFIER_CACHE";
    public const string OutLimitVariable = "CSHARP_KERNEL_OUT_LIMIT";
    public const string InterruptGraceVariable = "CSHARP_KERNEL_INTERRUPT_GRACE_MS";
    public const string PackageCacheVariable = "CSHARP_KERNEL_PACKAGE_CACHE";
    public const string PolicyVariable = "CSHARP_KERNEL_POLICY";
    public const string MemoryLimitVariable = "CSHARP_KERNEL_MEMORY_LIMIT_MB";
    public const string TimeLimitVariable = "CSHARP_KERNEL_TIME_LIMIT_S";
    public const string OutputLimitVariable = "CSHARP_KERNEL_OUTPUT_LIMIT_KB";
    public const string AllowedPackagesVariable = "CSHARP_KERNEL_ALLOWED_PACKAGES";

    public static readonly TimeSpan DefaultInterruptGrace = TimeSpan.FromSeconds(1);

    /// <summary>How many cell texts keep their classification.</summary>
    public int ClassifierCacheSize { get; init; } = 512;

    /// <summary>How many values <c>Out</c> keeps; older ones are dropped so they can be collected.</summary>
    public int OutLimit { get; init; } = 200;

    /// <summary>How long an interrupted cell may take to stop before it is abandoned.</summary>
    public TimeSpan InterruptGrace { get; init; } = DefaultInterruptGrace;

    /// <summary>Where package restore projects are kept; null for the default under the user's cache directory.</summary>
    public string? PackageCache { get; init; }

    /// <summary>The history database, or null to keep history in memory only (see <see cref="HistoryLocation"/>).</summary>
    public string? HistoryFile { get; init; }

    /// <summary>What cells may reach; fixed for the kernel's life (no cell and no <c>%reset</c> changes it).</summary>
    public SecurityLevel Level { get; init; } = SecurityLevel.Unrestricted;

    /// <summary>What one cell may use; the level's defaults unless a setting says otherwise.</summary>
    public ResourceLimits Limits { get; init; } = ResourceLimits.None;

    /// <summary>The NuGet package ids <c>#r "nuget:"</c> may restore at the restricted level.</summary>
    public IReadOnlyList<string> AllowedPackages { get; init; } = [];

    public static EngineSettings FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        var defaults = new EngineSettings();
        var level = ReadLevel(read);
        var limits = ResourceLimits.DefaultFor(level);
        return new EngineSettings
        {
            ClassifierCacheSize = Count(read, ClassifierCacheVariable, defaults.ClassifierCacheSize, minimum: 1),
            OutLimit = Count(read, OutLimitVariable, defaults.OutLimit, minimum: 0),
            InterruptGrace = TimeSpan.FromMilliseconds(Count(read, InterruptGraceVariable, (int)DefaultInterruptGrace.TotalMilliseconds, minimum: 0)),
            PackageCache = read(PackageCacheVariable) is { Length: > 0 } cache ? cache : null,
            HistoryFile = HistoryLocation.Resolve(read),
            Level = level,
            Limits = new ResourceLimits
            {
                MemoryBytes = Limit(read, MemoryLimitVariable, limits.MemoryBytes, 1L << 20),
                CellTime = Limit(read, TimeLimitVariable, (long?)limits.CellTime?.TotalSeconds, 1) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                OutputBytes = Limit(read, OutputLimitVariable, limits.OutputBytes, 1L << 10),
            },
            AllowedPackages = read(AllowedPackagesVariable) is { Length: > 0 } ids
                ? ids.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : defaults.AllowedPackages,
        };
    }

    /// <summary>
    /// A level that cannot be read is the strictest, not the default: a typo must not hand a
    /// sandboxed kernel's users the full rights.
    /// </summary>
    private static SecurityLevel ReadLevel(Func<string, string?> read)
    {
        var text = read(PolicyVariable);
        if (string.IsNullOrWhiteSpace(text))
            return SecurityLevel.Unrestricted;
        if (SecurityLevels.TryParse(text, out var level))
            return level;
        KernelLog.Warn($"{PolicyVariable}={text} is not one of {string.Join(", ", SecurityLevels.Names)}; using sandbox");
        return SecurityLevel.Sandbox;
    }

    /// <summary>A limit in the variable's unit (0 for none), or the level's default; the result is in the smallest unit.</summary>
    private static long? Limit(Func<string, string?> read, string variable, long? fallback, long unit)
    {
        var text = read(variable);
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= long.MaxValue / unit)
            return value == 0 ? null : value * unit;
        KernelLog.Warn($"{variable}={text} is not a whole number >= 0; using the default");
        return fallback;
    }

    /// <summary>A bad value is reported and replaced by the default: a typo in kernel.json must not stop the kernel.</summary>
    private static int Count(Func<string, string?> read, string variable, int fallback, int minimum)
    {
        var text = read(variable);
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum)
            return value;
        KernelLog.Warn($"{variable}={text} is not a whole number >= {minimum}; using {fallback}");
        return fallback;
    }
}
