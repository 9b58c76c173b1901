using CSharpKernel.Tests.Clients;

namespace CSharpKernel.Tests.Interrupts;

/// <summary>
/// The stop button of every front end: jupyter_client's KernelManager.interrupt_kernel, which
/// follows the installed kernelspec's interrupt_mode (scripts/jupyter_client_interrupt.py).
/// </summary>
public sealed class JupyterClientInterruptTests : PythonSessionFixture
{
    protected override string SandboxName => "interrupt";
    protected override string Script => "jupyter_client_interrupt.py";

    [Test]
    public void Jupyter_client_interrupts_by_message_as_the_kernelspec_says()
    {
        Assert.That(Seen.GetProperty("interrupt_mode").GetString(), Is.EqualTo("message"));
    }

    [Test]
    public void Its_interrupt_stops_a_tight_loop_and_the_next_cell_sees_the_variables_from_before()
    {
        Assert.That(Seen.GetProperty("status").GetString(), Is.EqualTo("error"), Run.ToString());
        Assert.That(Seen.GetProperty("ename").GetString(), Is.EqualTo(InterruptAssertions.InterruptedName));
        Assert.That(Seen.GetProperty("next").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "42" }));
    }
}
