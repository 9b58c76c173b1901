using System.Diagnostics;

namespace CSharpKernel.Tests.Clients;

/// <summary>
/// The Debian-packaged Jupyter the real-client tests drive. Only /usr/bin/python3 is used: a python3
/// earlier on PATH (pyenv, a venv) may have no Jupyter at all. A test whose package is missing is
/// ignored with the package's name; `.ci/run` installs them all, so in CI every test runs.
/// </summary>
public static class DebianJupyter
{
    public const string Python = "/usr/bin/python3";
    public const string Jupyter = "/usr/bin/jupyter";

    /// <summary>Ignores the calling test unless each Python module (key) is importable; values name its package.</summary>
    public static void RequireModules(IReadOnlyDictionary<string, string> modulesToPackages)
    {
        if (!File.Exists(Python))
            Assert.Ignore($"{Python} is missing: install Debian's python3 and {string.Join(", ", modulesToPackages.Values)} (.ci/run does)");
        foreach (var (module, package) in modulesToPackages)
        {
            using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", $"import {module}"])
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            probe.StandardError.ReadToEnd();
            probe.WaitForExit();
            if (probe.ExitCode != 0)
                Assert.Ignore($"Python module {module} is missing: apt-get install {package} (.ci/run does)");
        }
    }

    /// <summary>Ignores the calling test unless the program exists; the package is named in the reason.</summary>
    public static void RequireProgram(string path, string package)
    {
        if (!File.Exists(path))
            Assert.Ignore($"{path} is missing: apt-get install {package} (.ci/run does)");
    }
}
