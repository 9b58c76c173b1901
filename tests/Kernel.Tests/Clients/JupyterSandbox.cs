using System.Diagnostics;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Clients;

/// <summary>
/// A throwaway Jupyter installation: the kernelspec of the build under test installed with
/// `csharp-kernel install --prefix`, and Jupyter's data, runtime, config and IPython directories
/// all inside one temporary directory, so a test run touches nothing of the user's Jupyter.
/// </summary>
public sealed class JupyterSandbox : IDisposable
{
    private JupyterSandbox(string root, string kernelName)
    {
        Root = root;
        KernelName = kernelName;
        Environment = new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = Path.Combine(root, "share", "jupyter"),
            ["JUPYTER_DATA_DIR"] = Directory.CreateDirectory(Path.Combine(root, "data")).FullName,
            ["JUPYTER_RUNTIME_DIR"] = Directory.CreateDirectory(Path.Combine(root, "runtime")).FullName,
            ["JUPYTER_CONFIG_DIR"] = Directory.CreateDirectory(Path.Combine(root, "config")).FullName,
            ["IPYTHONDIR"] = Directory.CreateDirectory(Path.Combine(root, "ipython")).FullName,
            ["JUPYTER_CONFIG_PATH"] = "",
            ["PYTHONPATH"] = "",
        };
    }

    public string Root { get; }
    public string KernelName { get; }
    public string RuntimeDirectory => Environment["JUPYTER_RUNTIME_DIR"];
    public string KernelspecDirectory => Path.Combine(Root, "share", "jupyter", "kernels", KernelName);

    /// <summary>The variables every Jupyter process of this sandbox is started with.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <param name="level">The security level the kernelspec starts at (`install --policy`); none for today's unrestricted kernelspec.</param>
    public static JupyterSandbox Create(string purpose, string? level = null)
    {
        var root = Directory.CreateTempSubdirectory("csharp-kernel-clients-").FullName;
        var name = $"csharp-test-{purpose}-{Guid.NewGuid().ToString("N")[..6]}";
        var sandbox = new JupyterSandbox(root, name);
        var install = new ProcessStartInfo("dotnet", [KernelProcess.KernelDll, "install", "--prefix", root, "--name", name, .. level is null ? [] : new[] { "--policy", level }])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var installer = Process.Start(install)!;
        var output = installer.StandardOutput.ReadToEndAsync();
        var error = installer.StandardError.ReadToEnd();
        installer.WaitForExit();
        if (installer.ExitCode != 0 || !File.Exists(Path.Combine(sandbox.KernelspecDirectory, "kernel.json")))
            throw new InvalidOperationException($"kernelspec install failed ({installer.ExitCode}): {output.Result}{error}");
        return sandbox;
    }

    public void ApplyTo(ProcessStartInfo start)
    {
        foreach (var (name, value) in Environment)
            start.Environment[name] = value;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
