using System.Diagnostics;

namespace CSharpKernel.Tests.Clients;

/// <summary>Runs one of the Python scripts in Clients/scripts with Debian's python3 inside a sandbox.</summary>
public static class PythonScript
{
    public static string PathOf(string script) => Path.Combine(AppContext.BaseDirectory, "Clients", "scripts", script);

    /// <summary>Runs the script to its end, or kills it (and the kernels it started) past the timeout.</summary>
    public static ProgramOutput Run(JupyterSandbox sandbox, string script, TimeSpan timeout, params string[] arguments) =>
        ProgramOutput.Run(DebianJupyter.Python, [PathOf(script), .. arguments], sandbox, timeout);
}
