using CSharpKernel.Execution;
using CSharpKernel.Security;
using CSharpKernel.Server;

namespace CSharpKernel.Cli;

/// <summary>What the operating-system wall leaves open for this kernel: its ports, its working directory, its package caches.</summary>
internal static class KernelWallScope
{
    public static OsWallScope For(string connectionFile, ConnectionInfo connection, EngineSettings settings)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        int[] ports = connection.Transport == "tcp"
            ? [connection.ShellPort, connection.IopubPort, connection.StdinPort, connection.ControlPort, connection.HbPort]
            : [];
        var packages = new[]
        {
            settings.PackageCache ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "csharp-kernel", "packages"),
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } nuget ? nuget : Path.Combine(home, ".nuget"),
            Path.Combine(home, ".nuget"),
            Path.Combine(home, ".local", "share", "NuGet"),
            Environment.GetEnvironmentVariable("DOTNET_CLI_HOME") is { Length: > 0 } cli ? cli : Path.Combine(home, ".dotnet"),
        };
        var ipc = connection.Transport == "ipc" ? Path.GetDirectoryName(Path.GetFullPath(connection.Ip)) : null;
        return new OsWallScope(Environment.CurrentDirectory, ports, packages.Distinct().ToList(), connectionFile, Path.Combine(packages[0], ".tmp"), ipc);
    }
}
