using System.Text.Json;

namespace CSharpKernel.Tests.Clients;

/// <summary>
/// Debian's jupyter_client starts the installed kernelspec, runs cells, asks is_complete and shuts
/// the kernel down, as every Jupyter front end does underneath (scripts/jupyter_client_session.py).
/// </summary>
public sealed class JupyterClientTests
{
    private JupyterSandbox _sandbox = null!;
    private ProgramOutput _run = null!;
    private JsonElement _seen;

    [OneTimeSetUp]
    public void RunSession()
    {
        DebianJupyter.RequireModules(new Dictionary<string, string> { ["jupyter_client"] = "python3-jupyter-client" });
        _sandbox = JupyterSandbox.Create("client");
        _run = PythonScript.Run(_sandbox, "jupyter_client_session.py", TimeSpan.FromMinutes(3), _sandbox.KernelName);
        Assert.That(_run.ExitCode, Is.Zero, _run.ToString());
        _seen = JsonDocument.Parse(_run.Stdout).RootElement;
    }

    [OneTimeTearDown]
    public void RemoveSandbox() => _sandbox?.Dispose();

    [Test]
    public void Kernel_info_names_the_language_csharp()
    {
        Assert.That(_seen.GetProperty("language").GetString(), Is.EqualTo("csharp"));
    }

    [Test]
    public void An_expression_comes_back_as_its_execute_result()
    {
        var cell = _seen.GetProperty("expression");
        Assert.That(cell.GetProperty("status").GetString(), Is.EqualTo("ok"), _run.ToString());
        Assert.That(cell.GetProperty("results").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "42" }));
        Assert.That(cell.GetProperty("stdout").GetString(), Is.Empty);
    }

    [Test]
    public void Console_WriteLine_arrives_on_stdout_without_a_result()
    {
        var cell = _seen.GetProperty("console");
        Assert.That(cell.GetProperty("status").GetString(), Is.EqualTo("ok"), _run.ToString());
        Assert.That(cell.GetProperty("stdout").GetString(), Is.EqualTo("hello from C#\n"));
        Assert.That(cell.GetProperty("results").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void An_open_block_is_incomplete()
    {
        Assert.That(_seen.GetProperty("is_complete").GetString(), Is.EqualTo("incomplete"));
    }

    [Test]
    public void Shutdown_ends_the_kernel_process_by_itself()
    {
        Assert.That(_seen.GetProperty("shutdown_escalated_to").GetString(), Does.EndWith("ShutdownRequest"),
            "jupyter_client had to signal the kernel: it did not exit after shutdown_request");
        Assert.That(_seen.GetProperty("exit_code").GetInt32(), Is.Zero);
        Assert.That(LinuxProcesses.IsRunning(_seen.GetProperty("pid").GetInt32()), Is.False);
    }
}
