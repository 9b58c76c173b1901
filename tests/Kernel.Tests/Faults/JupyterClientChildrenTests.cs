using CSharpKernel.Tests.Clients;

namespace CSharpKernel.Tests.Faults;

/// <summary>
/// jupyter_client's KernelManager restarts and shuts the kernel down as every front end does
/// (scripts/jupyter_client_children.py): what a cell started ends with the kernel, and a fresh client
/// is welcomed on iopub before anything else.
/// </summary>
public sealed class JupyterClientChildrenTests : PythonSessionFixture
{
    protected override string SandboxName => "children";
    protected override string Script => "jupyter_client_children.py";

    [Test]
    public void A_restart_ends_the_processes_cells_started()
    {
        Assert.That(Seen.GetProperty("cell_status").GetString(), Is.EqualTo("ok"), Run.ToString());
        Assert.That(Seen.GetProperty("child_left_after_restart").GetBoolean(), Is.False, "sleep outlived the restarted kernel");
        Assert.That(Seen.GetProperty("old_kernel_left").GetBoolean(), Is.False);
        Assert.That(Seen.GetProperty("restart_escalated_to").GetString(), Does.EndWith("ShutdownRequest"),
            "jupyter_client had to signal the kernel: it did not exit after its shutdown_request");
    }

    [Test]
    public void Shutdown_kernel_ends_the_processes_cells_started()
    {
        Assert.That(Seen.GetProperty("child_left_after_shutdown").GetBoolean(), Is.False, "sleep outlived the kernel");
        Assert.That(Seen.GetProperty("shutdown_escalated_to").GetString(), Does.EndWith("ShutdownRequest"));
    }

    [Test]
    public void A_fresh_client_first_receives_the_iopub_welcome()
    {
        var first = Seen.GetProperty("first_iopub");
        Assert.That(first.GetProperty("msg_type").GetString(), Is.EqualTo("iopub_welcome"), Run.ToString());
        Assert.That(first.GetProperty("content").GetProperty("subscription").GetString(), Is.EqualTo(""));
        Assert.That(first.GetProperty("parent").EnumerateObject(), Is.Empty);
    }
}
