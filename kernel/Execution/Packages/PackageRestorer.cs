using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace CSharpKernel.Execution.Packages;

/// <summary>
/// Restores packages for the running framework with the .NET SDK's own restore, so the user's
/// NuGet.Config, sources and credentials apply, and reads the runtime assemblies of the whole
/// dependency closure from project.assets.json. A restore is cached by its package list.
/// </summary>
public sealed class PackageRestorer
{
    private static readonly string TargetFramework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    private readonly string _cacheDirectory;

    // Create: on a clean machine the data folder may not exist yet, and GetFolderPath would then
    // answer "" and put the cache in whatever directory the kernel was started in.
    public PackageRestorer(string? cacheDirectory = null) =>
        _cacheDirectory = string.IsNullOrEmpty(cacheDirectory) ? Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "csharp-kernel", "packages") : cacheDirectory;

    /// <summary>The runtime assembly paths of the packages and all they depend on.</summary>
    public IReadOnlyList<string> Restore(IReadOnlyList<PackageSpec> packages, CancellationToken token)
    {
        var project = ProjectXml(packages);
        var directory = Path.Combine(_cacheDirectory, Hash(project));
        var assets = Path.Combine(directory, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "restore.csproj"), project);
            RunRestore(directory, packages, token);
        }
        return RuntimeAssemblies(assets);
    }

    private static string ProjectXml(IReadOnlyList<PackageSpec> packages) =>
        new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement("PropertyGroup",
                new XElement("TargetFramework", TargetFramework),
                new XElement("OutputType", "Library"),
                new XElement("ImplicitUsings", "disable")),
            new XElement("ItemGroup", packages.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p =>
                new XElement("PackageReference", new XAttribute("Include", p.Name), new XAttribute("Version", p.Version ?? "*"))))).ToString();

    private static void RunRestore(string directory, IReadOnlyList<PackageSpec> packages, CancellationToken token)
    {
        var start = new ProcessStartInfo(DotnetHost(), ["restore", "restore.csproj", "--nologo", "-v", "q"])
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
            process.Kill(entireProcessTree: true);
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

    private static IReadOnlyList<string> RuntimeAssemblies(string assetsPath)
    {
        using var assets = JsonDocument.Parse(File.ReadAllBytes(assetsPath));
        var root = assets.RootElement;
        var folders = root.GetProperty("packageFolders").EnumerateObject().Select(f => f.Name).ToList();
        var libraries = root.GetProperty("libraries");
        var target = root.GetProperty("targets").EnumerateObject().First().Value;
        var paths = new List<string>();
        foreach (var library in target.EnumerateObject())
        {
            if (!library.Value.TryGetProperty("runtime", out var runtime))
                continue;
            var libraryPath = libraries.GetProperty(library.Name).GetProperty("path").GetString()!;
            foreach (var asset in runtime.EnumerateObject())
            {
                if (Path.GetFileName(asset.Name) == "_._")
                    continue;
                var path = folders.Select(f => Path.Combine(f, libraryPath, asset.Name)).FirstOrDefault(File.Exists);
                if (path is not null)
                    paths.Add(path);
            }
        }
        return paths;
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

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
