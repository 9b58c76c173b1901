using System.Diagnostics;

namespace CSharpKernel.Tests.Clients;

/// <summary>
/// The real .NET Interactive tool (what VS Code's Polyglot Notebooks runs), installed from the NuGet
/// registry once into the test output, so later runs of the same checkout reuse it.
/// </summary>
public static class DotnetInteractiveTool
{
    public const string Version = "1.0.712001";

    private static readonly Lock Gate = new();

    /// <summary>The tool's executable, installed first if this build's test output has none.</summary>
    public static string Ensure()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "tools", $"dotnet-interactive-{Version}");
        var executable = Path.Combine(directory, "dotnet-interactive");
        lock (Gate)
        {
            if (File.Exists(executable))
                return executable;
            // A half-finished install (a run stopped midway) would make the tool refuse to install again.
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
            var start = new ProcessStartInfo("dotnet", ["tool", "install", "Microsoft.dotnet-interactive", "--version", Version, "--tool-path", directory])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var install = Process.Start(start)!;
            var stdout = install.StandardOutput.ReadToEndAsync();
            var stderr = install.StandardError.ReadToEnd();
            if (!install.WaitForExit(TimeSpan.FromMinutes(5)))
                install.Kill(entireProcessTree: true);
            install.WaitForExit();
            if (install.ExitCode != 0 || !File.Exists(executable))
                Assert.Fail($"dotnet tool install Microsoft.dotnet-interactive {Version} failed ({install.ExitCode}): {stdout.Result}{stderr}");
            return executable;
        }
    }
}
