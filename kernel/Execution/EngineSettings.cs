using System.Globalization;
using CSharpKernel.History;
using CSharpKernel.Logging;

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

    public static EngineSettings FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        var defaults = new EngineSettings();
        return new EngineSettings
        {
            ClassifierCacheSize = Count(read, ClassifierCacheVariable, defaults.ClassifierCacheSize, minimum: 1),
            OutLimit = Count(read, OutLimitVariable, defaults.OutLimit, minimum: 0),
            InterruptGrace = TimeSpan.FromMilliseconds(Count(read, InterruptGraceVariable, (int)DefaultInterruptGrace.TotalMilliseconds, minimum: 0)),
            PackageCache = read(PackageCacheVariable) is { Length: > 0 } cache ? cache : null,
            HistoryFile = HistoryLocation.Resolve(read),
        };
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
