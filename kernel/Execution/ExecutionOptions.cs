using CSharpKernel.Logging;

namespace CSharpKernel.Execution;

/// <summary>
/// Limits of the execution layer. Each can be set from the environment (kernel.json's `env`), so
/// a deployment can trade memory for history without a rebuild.
/// </summary>
internal sealed record ExecutionOptions
{
    public const string ClassifierCacheVariable = "CSHARP_KERNEL_CLASSIFIER_CACHE";
    public const string OutLimitVariable = "CSHARP_KERNEL_OUT_LIMIT";

    /// <summary>How many cell texts keep their classification.</summary>
    public int ClassifierCacheSize { get; init; } = 512;

    /// <summary>How many values <c>Out</c> keeps; older ones are dropped so they can be collected.</summary>
    public int OutLimit { get; init; } = 200;

    public static ExecutionOptions FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        var defaults = new ExecutionOptions();
        return new ExecutionOptions
        {
            ClassifierCacheSize = Count(read, ClassifierCacheVariable, defaults.ClassifierCacheSize, minimum: 1),
            OutLimit = Count(read, OutLimitVariable, defaults.OutLimit, minimum: 0),
        };
    }

    /// <summary>A bad value is reported and replaced by the default: a typo in kernel.json must not stop the kernel.</summary>
    private static int Count(Func<string, string?> read, string variable, int fallback, int minimum)
    {
        var text = read(variable);
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (int.TryParse(text, out var value) && value >= minimum)
            return value;
        KernelLog.Warn($"{variable}={text} is not a whole number >= {minimum}; using {fallback}");
        return fallback;
    }
}
