using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using CSharpKernel.Logging;

namespace CSharpKernel.Execution.Packages;

/// <summary>
/// Restores packages for the running framework with the .NET SDK's own restore, so the user's
/// NuGet.Config, sources and credentials apply (the sources a session added with <c>#i</c> are
/// added to them by a NuGet.Config beside the project, which clears nothing), and reads the whole
/// dependency closure from project.assets.json. A restore is cached by its packages and sources:
/// the same set again reads the cached assets file and starts no process.
/// </summary>
internal sealed class PackageRestorer
{
    private static readonly string TargetFramework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>Where restore projects and their assets files are kept; the packages themselves go to NuGet's global packages folder.</summary>
    private readonly string _cacheDirectory;

    // Create: on a clean machine the data folder may not exist yet, and GetFolderPath would then
    // answer "" and put the cache in whatever directory the kernel was started in.
    public PackageRestorer(string? cacheDirectory = null) =>
        _cacheDirectory = string.IsNullOrEmpty(cacheDirectory) ? Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "csharp-kernel", "packages") : cacheDirectory;

    /// <summary>The packages and all they depend on, each with what it brings for this process.</summary>
    public IReadOnlyList<PackageAssets> Restore(IReadOnlyList<PackageSpec> packages, IReadOnlyList<string> sources, CancellationToken token)
    {
        var project = ProjectXml(packages);
        var config = ConfigXml(sources);
        var directory = Path.Combine(_cacheDirectory, Hash(project + config));
        var assets = Path.Combine(directory, "obj", "project.assets.json");
        if (File.Exists(assets) && TryRead(assets) is { } cached)
            return cached;
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "restore.csproj"), project);
        File.WriteAllText(Path.Combine(directory, "NuGet.Config"), config);
        RunRestore(directory, packages, token);
        return AssetsFile.Read(assets);
    }

    /// <summary>Null when a cached file cannot be read (a restore killed while writing it): it is restored again.</summary>
    private static IReadOnlyList<PackageAssets>? TryRead(string assets)
    {
        try
        {
            return AssetsFile.Read(assets);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    private static string ConfigXml(IReadOnlyList<string> sources) =>
        new XElement("configuration",
            new XElement("packageSources", sources.Select((source, i) =>
                new XElement("add", new XAttribute("key", $"csharp-kernel-source-{i + 1}"), new XAttribute("value", source))))).ToString();

    private static string ProjectXml(IReadOnlyList<PackageSpec> packages) =>
        new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement("PropertyGroup",
                new XElement("TargetFramework", TargetFramework),
                new XElement("OutputType", "Library"),
                new XElement("ImplicitUsings", "disable"),
                // The vulnerability audit asks the sources for more than the packages, and a folder feed must do without the network.
                new XElement("NuGetAudit", "false")),
            new XElement("ItemGroup", packages.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p =>
                new XElement("PackageReference", new XAttribute("Include", p.Name), new XAttribute("Version", p.Version ?? "*"))))).ToString();

    private static void RunRestore(string directory, IReadOnlyList<PackageSpec> packages, CancellationToken token)
    {
        var start = new ProcessStartInfo(DotnetHost(), ["restore", "restore.csproj", "--nologo", "-v", "q", "-nodeReuse:false"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new RestoreFailedException("dotnet restore could not be started");
        var errorText = process.StandardError.ReadToEndAsync(token);
        var outputText = process.StandardOutput.ReadToEndAsync(token);
        try
        {
            process.WaitForExitAsync(token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // An interrupt: the restore and every process it started end now, and what it wrote is not taken as a result.
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(5));
            DeleteQuietly(Path.Combine(directory, "obj"));
            throw;
        }
        if (process.ExitCode == 0)
            return;
        var output = outputText.Result + errorText.Result;
        File.Delete(Path.Combine(directory, "obj", "project.assets.json"));
        throw new RestoreFailedException(Explain(output, packages));
    }

    /// <summary>NuGet's NU1101 (no such package) and NU1102 (no such version), said plainly.</summary>
    private static string Explain(string output, IReadOnlyList<PackageSpec> packages)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.Contains(": error ") ? l[(l.IndexOf(": error ", StringComparison.Ordinal) + 2)..] : l)
            .Select(l => l.Contains(" [") ? l[..l.LastIndexOf(" [", StringComparison.Ordinal)] : l)
            .Distinct()
            .ToList();
        foreach (var package in packages)
        {
            if (lines.Any(l => l.Contains("NU1101") && l.Contains(package.Name, StringComparison.OrdinalIgnoreCase)))
                return $"Package '{package.Name}' was not found in the configured NuGet sources.";
            if (lines.Any(l => l.Contains("NU1102") && l.Contains(package.Name, StringComparison.OrdinalIgnoreCase)))
                return $"Package '{package.Name}' has no version {package.Version} in the configured NuGet sources.";
        }
        return "Restore failed: " + (lines.Count > 0 ? string.Join(Environment.NewLine, lines) : output.Trim());
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        // The muxer sits three folders above the runtime: <root>/shared/Microsoft.NETCore.App/<version>/.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var muxer = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        return File.Exists(muxer) ? muxer : "dotnet";
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            KernelLog.Debug($"could not remove {directory}: {e.Message}");
        }
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
