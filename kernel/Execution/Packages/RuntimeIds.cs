using System.Runtime.InteropServices;

namespace CSharpKernel.Execution.Packages;

/// <summary>
/// The runtime identifiers whose <c>runtimes/&lt;rid&gt;/</c> assets suit this process, most
/// specific first, as NuGet's RID graph falls back: linux-x64, then linux, then unix (and a
/// distribution's own RID, should the runtime report one, before them all).
/// </summary>
internal static class RuntimeIds
{
    public static IReadOnlyList<string> Fallbacks { get; } = Create();

    private static List<string> Create()
    {
        var architecture = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var own = RuntimeInformation.RuntimeIdentifier;
        var family = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : OperatingSystem.IsFreeBSD() ? "freebsd" : "linux";
        var musl = own.StartsWith("linux-musl", StringComparison.Ordinal);
        var chain = new List<string> { own };
        if (musl)
            chain.AddRange([$"linux-musl-{architecture}", "linux-musl"]);
        chain.AddRange([$"{family}-{architecture}", family]);
        if (!OperatingSystem.IsWindows())
            chain.Add("unix");
        chain.Add("any");
        return [.. chain.Distinct(StringComparer.Ordinal)];
    }
}
