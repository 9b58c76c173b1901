namespace CSharpKernel.Tests.Clients;

/// <summary>
/// Debian's jupyter_client starts the installed kernelspec, runs cells, asks is_complete and shuts
/// the kernel down, as every Jupyter front end does underneath (scripts/jupyter_client_session.py).
/// </summary>
public sealed class JupyterClientTests : PythonSessionFixture
{
    protected override string SandboxName => "client";
    protected override string Script => "jupyter_client_session.py";

    [Test]
    public void Kernel_info_names_the_language_csharp()
    {
        Assert.That(Seen.GetProperty("language").GetString(), Is.EqualTo("csharp"));
    }

    [Test]
    public void An_expression_comes_back_as_its_execute_result()
    {
        var cell = Seen.GetProperty("expression");
        Assert.That(cell.GetProperty("status").GetString(), Is.EqualTo("ok"), Run.ToString());
        Assert.That(cell.GetProperty("results").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "42" }));
        Assert.That(cell.GetProperty("stdout").GetString(), Is.Empty);
    }

    [Test]
    public void Console_WriteLine_arrives_on_stdout_without_a_result()
    {
        var cell = Seen.GetProperty("console");
        Assert.That(cell.GetProperty("status").GetString(), Is.EqualTo("ok"), Run.ToString());
        Assert.That(cell.GetProperty("stdout").GetString(), Is.EqualTo("hello from C#\n"));
        Assert.That(cell.GetProperty("results").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void An_open_block_is_incomplete()
    {
        Assert.That(Seen.GetProperty("is_complete").GetString(), Is.EqualTo("incomplete"));
    }

    [Test]
    public void Shutdown_ends_the_kernel_process_by_itself()
    {
        Assert.That(Seen.GetProperty("shutdown_escalated_to").GetString(), Does.EndWith("ShutdownRequest"),
            "jupyter_client had to signal the kernel: it did not exit after shutdown_request");
        Assert.That(Seen.GetProperty("exit_code").GetInt32(), Is.Zero);
        Assert.That(LinuxProcesses.IsRunning(Seen.GetProperty("pid").GetInt32()), Is.False);
    }
}
