using System.Text.Json;

namespace CSharpKernel.Tests.Clients;

/// <summary>
/// Runs one Python script of scripts/ against this build's kernelspec in a Jupyter sandbox, once per
/// fixture; the script prints what it saw as one JSON object, which the tests then read.
/// </summary>
public abstract class PythonSessionFixture
{
    private JupyterSandbox _sandbox = null!;

    protected abstract string SandboxName { get; }
    protected abstract string Script { get; }

    protected ProgramOutput Run { get; private set; } = null!;
    protected JsonElement Seen { get; private set; }

    [OneTimeSetUp]
    public void RunSession()
    {
        DebianJupyter.RequireModules(new Dictionary<string, string> { ["jupyter_client"] = "python3-jupyter-client" });
        _sandbox = JupyterSandbox.Create(SandboxName);
        Run = PythonScript.Run(_sandbox, Script, TimeSpan.FromMinutes(3), _sandbox.KernelName);
        Assert.That(Run.ExitCode, Is.Zero, Run.ToString());
        Seen = JsonDocument.Parse(Run.Stdout).RootElement;
    }

    [OneTimeTearDown]
    public void RemoveSandbox() => _sandbox?.Dispose();
}
