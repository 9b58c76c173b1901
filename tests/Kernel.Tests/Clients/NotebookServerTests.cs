using System.Text.Json;

namespace CSharpKernel.Tests.Clients;

/// <summary>
/// The classic Notebook server starts the installed kernelspec over REST and relays cells over its
/// websocket channel, as the browser does (scripts/notebook_server_session.py); then the kernel is
/// deleted and the server shut down.
/// </summary>
public sealed class NotebookServerTests
{
    private JupyterSandbox _sandbox = null!;
    private NotebookServer _server = null!;
    private ProgramOutput _run = null!;
    private JsonElement _seen;
    private int? _serverExitCode;

    [OneTimeSetUp]
    public void RunSessionThroughTheServer()
    {
        DebianJupyter.RequireModules(new Dictionary<string, string>
        {
            ["notebook.notebookapp"] = "python3-notebook",
            ["tornado.websocket"] = "python3-tornado",
        });
        _sandbox = JupyterSandbox.Create("notebook");
        _server = NotebookServer.Start(_sandbox);
        _run = PythonScript.Run(_sandbox, "notebook_server_session.py", TimeSpan.FromMinutes(3), _server.BaseUrl, _server.Token, _sandbox.KernelName);
        Assert.That(_run.ExitCode, Is.Zero, $"{_run}\n--- server log\n{_server.Log}");
        _seen = JsonDocument.Parse(_run.Stdout).RootElement;
        _serverExitCode = _server.WaitForExit(TimeSpan.FromSeconds(30));
    }

    [OneTimeTearDown]
    public void StopServer()
    {
        _server?.Dispose();
        _sandbox?.Dispose();
    }

    [Test]
    public void The_server_starts_the_kernel_from_the_installed_kernelspec()
    {
        Assert.That(_seen.GetProperty("start_status").GetInt32(), Is.EqualTo(201));
        Assert.That(_seen.GetProperty("kernel_name").GetString(), Is.EqualTo(_sandbox.KernelName));
        Assert.That(_seen.GetProperty("kernel_pids").GetArrayLength(), Is.EqualTo(1), "one kernel process");
        Assert.That(_seen.GetProperty("language").GetString(), Is.EqualTo("csharp"));
    }

    [Test]
    public void The_server_offers_the_kernelspecs_logos_to_front_ends()
    {
        Assert.That(_seen.GetProperty("display_name").GetString(), Is.EqualTo("C#"));
        var logos = _seen.GetProperty("logos");
        Assert.That(logos.EnumerateObject().Select(l => l.Name), Is.EquivalentTo(new[] { "logo-32x32", "logo-64x64", "logo-svg" }));
        foreach (var (logo, type) in new[] { ("logo-32x32", "image/png"), ("logo-64x64", "image/png"), ("logo-svg", "image/svg+xml") })
        {
            Assert.That(logos.GetProperty(logo).GetProperty("status").GetInt32(), Is.EqualTo(200), logo);
            Assert.That(logos.GetProperty(logo).GetProperty("type").GetString(), Is.EqualTo(type), logo);
            Assert.That(logos.GetProperty(logo).GetProperty("bytes").GetInt32(), Is.GreaterThan(0), logo);
        }
    }

    [Test]
    public void An_expression_sent_over_the_websocket_comes_back_as_42()
    {
        var cell = _seen.GetProperty("expression");
        Assert.That(cell.GetProperty("status").GetString(), Is.EqualTo("ok"), _run.ToString());
        Assert.That(cell.GetProperty("results").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "42" }));
        Assert.That(cell.GetProperty("execution_count").GetInt32(), Is.EqualTo(1));
        Assert.That(cell.GetProperty("states").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "busy", "idle" }));
    }

    [Test]
    public void Console_output_reaches_the_browser_side_as_stdout()
    {
        var cell = _seen.GetProperty("console");
        Assert.That(cell.GetProperty("stdout").GetString(), Is.EqualTo("hi from the notebook server\n"));
        Assert.That(cell.GetProperty("results").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void A_variable_declared_in_one_cell_is_used_in_the_next()
    {
        Assert.That(_seen.GetProperty("declare").GetProperty("status").GetString(), Is.EqualTo("ok"));
        var cell = _seen.GetProperty("carried");
        Assert.That(cell.GetProperty("results").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "42" }));
        Assert.That(cell.GetProperty("execution_count").GetInt32(), Is.EqualTo(4));
    }

    [Test]
    public void Deleting_the_kernel_ends_its_process()
    {
        Assert.That(_seen.GetProperty("delete_status").GetInt32(), Is.EqualTo(204));
        Assert.That(_seen.GetProperty("kernels_after_delete").GetArrayLength(), Is.Zero);
        Assert.That(_seen.GetProperty("kernel_pids_running_after_delete").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void The_server_stops_cleanly_afterwards()
    {
        Assert.That(_seen.GetProperty("shutdown_status").GetInt32(), Is.EqualTo(200));
        Assert.That(_serverExitCode, Is.EqualTo(0), _server.Log);
    }
}
