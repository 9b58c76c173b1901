namespace CSharpKernel.Cli;

/// <summary>The command that starts this very build of the kernel: its apphost, else dotnet with its dll.</summary>
internal static class KernelLauncher
{
    public static IReadOnlyList<string> Command()
    {
        var appHost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "csharp-kernel.exe" : "csharp-kernel");
        if (File.Exists(appHost))
            return [appHost];
        var dll = Path.Combine(AppContext.BaseDirectory, "csharp-kernel.dll");
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        return [host, dll];
    }
}
