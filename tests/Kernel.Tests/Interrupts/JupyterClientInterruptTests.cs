using System.Text.Json;
using CSharpKernel.Tests.Clients;

namespace CSharpKernel.Tests.Interrupts;

/// <summary>
/// The stop button of every front end: jupyter_client's KernelManager.interrupt_kernel, which
/// follows the installed kernelspec's interrupt_mode (scripts/jupyter_client_interrupt.py).
/// </summary>
public sealed class JupyterClientInterruptTests
{
    private JupyterSandbox _sandbox = null!;
    private ProgramOutput _run = null!;
    private JsonElement _seen;

    [OneTimeSetUp]
    public void RunSession()
    {
        DebianJupyter.RequireModules(new Dictionary<string, string> { ["jupyter_client"] = "python3-jupyter-client" });
        _sandbox = JupyterSandbox.Create("interrupt");
        _run = PythonScript.Run(_sandbox, "jupyter_client_interrupt.py", TimeSpan.FromMinutes(3), _sandbox.KernelName);
        Assert.That(_run.ExitCode, Is.Zero, _run.ToString());
        _seen = JsonDocument.Parse(_run.Stdout).RootElement;
    }

    [OneTimeTearDown]
    public void RemoveSandbox() => _sandbox?.Dispose();

    [Test]
    public void Jupyter_client_interrupts_by_message_as_the_kernelspec_says()
    {
        Assert.That(_seen.GetProperty("interrupt_mode").GetString(), Is.EqualTo("message"));
    }

    [Test]
    public void Its_interrupt_stops_a_tight_loop_and_the_next_cell_sees_the_variables_from_before()
    {
        Assert.That(_seen.GetProperty("status").GetString(), Is.EqualTo("error"), _run.ToString());
        Assert.That(_seen.GetProperty("ename").GetString(), Is.EqualTo(InterruptAssertions.InterruptedName));
        Assert.That(_seen.GetProperty("next").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "42" }));
    }
}
