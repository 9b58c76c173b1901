using CSharpKernel.Execution;
using CSharpKernel.Security;

namespace CSharpKernel.Cli;

/// <summary>
/// What `install --policy` and `--allow-package` put into a kernelspec. Without them the kernelspec
/// is the one installed before levels existed (no env, named csharp, shown as C#); with a level
/// other than unrestricted it gets its own name and display name, so that installing a sandboxed
/// kernel does not replace the user's ordinary one.
/// </summary>
internal sealed class KernelspecLevel
{
    private readonly SecurityLevel? _level;
    private readonly IReadOnlyList<string> _packages;

    public KernelspecLevel(string? policy, IReadOnlyList<string> packages)
    {
        _level = policy is null ? null : SecurityLevels.TryParse(policy, out var level) ? level : throw new ArgumentException(policy);
        _packages = packages;
    }

    private bool Limited => _level is { } level && level != SecurityLevel.Unrestricted;

    public string DefaultName => Limited ? $"csharp-{_level!.Value.Name()}" : "csharp";

    public string DefaultDisplayName => Limited ? $"C# ({_level!.Value.Name()})" : "C#";

    /// <summary>kernel.json's env: empty when no option was given.</summary>
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            var environment = new Dictionary<string, string>();
            if (_level is { } level)
                environment[EngineSettings.PolicyVariable] = level.Name();
            if (_packages.Count > 0)
                environment[EngineSettings.AllowedPackagesVariable] = string.Join(",", _packages);
            return environment;
        }
    }

    public string Summary => _level is { } level
        ? $" (security level {level.Name()}{(_packages.Count > 0 ? "; packages allowed: " + string.Join(", ", _packages) : "")})"
        : "";

    /// <summary>The install's error, or null: the level is checked by --policy itself.</summary>
    public static string? Problem(string? policy, IReadOnlyList<string> packages)
    {
        if (packages.FirstOrDefault(p => p.Length == 0 || p.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))) is { } bad)
            return $"--allow-package '{bad}' is not a NuGet package id (letters, digits, '.', '-', '_')";
        if (packages.Count > 0 && !(SecurityLevels.TryParse(policy, out var level) && level == SecurityLevel.Restricted))
            return "--allow-package is the allow-list of --policy restricted (sandbox allows no package, standard and unrestricted every package)";
        return null;
    }
}
