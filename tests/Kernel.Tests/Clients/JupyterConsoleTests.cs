namespace CSharpKernel.Tests.Clients;

/// <summary>
/// Debian's `jupyter console` in a terminal (tmux), typed at as a person would: each test starts its
/// own console with the installed kernelspec and reads the screen.
/// </summary>
public sealed class JupyterConsoleTests
{
    private static readonly TimeSpan ScreenTimeout = TimeSpan.FromSeconds(60);

    private JupyterSandbox _sandbox = null!;
    private TmuxTerminal _terminal = null!;

    [OneTimeSetUp]
    public void RequirePackages()
    {
        DebianJupyter.RequireProgram(TmuxTerminal.Tmux, "tmux");
        DebianJupyter.RequireProgram("/usr/bin/jupyter-console", "jupyter-console");
    }

    [SetUp]
    public void StartConsole()
    {
        _sandbox = JupyterSandbox.Create("console");
        _terminal = TmuxTerminal.Start(_sandbox, DebianJupyter.Jupyter, "console", "--kernel", _sandbox.KernelName);
        _terminal.WaitForScreen(s => s.Contains("In [1]:"), "the first prompt", ScreenTimeout);
    }

    [TearDown]
    public void StopConsole()
    {
        _terminal?.Dispose();
        _sandbox.Dispose();
    }

    [Test]
    public void An_expression_shows_its_value_as_Out_1()
    {
        _terminal.TypeLine("6*7");
        _terminal.WaitForScreen(s => s.Contains("Out[1]: 42"), "Out[1]: 42", ScreenTimeout);
    }

    [Test]
    public void Console_WriteLine_prints_on_the_terminal()
    {
        _terminal.TypeLine("Console.WriteLine(\"hi from \" + \"the console\");");
        var screen = _terminal.WaitForScreen(s => s.Contains("In [2]:"), "the next prompt", ScreenTimeout);
        Assert.That(screen.Split('\n').Select(l => l.TrimEnd()), Does.Contain("hi from the console"));
        Assert.That(screen, Does.Not.Contain("Out[1]"));
    }

    [Test]
    public void Printed_output_after_a_value_leaves_the_prompt_usable_without_an_event_loop_error()
    {
        // Typed as a user types, each line once its prompt shows (issue 12, point 10). The console
        // breaks when a key, or the terminal's answer to its cursor-position query, arrives while its
        // Enter handler waits in a nested event loop (for is_complete, or draining iopub): with any
        // kernel when a line is typed ahead during a running cell; this is the flow that must hold.
        _terminal.TypeLine("1+1");
        _terminal.WaitForScreen(s => s.Contains("Out[1]: 2") && s.Contains("In [2]:"), "Out[1]: 2 and the next prompt", ScreenTimeout);
        _terminal.TypeLine("Console.WriteLine(\"hello, world\");");
        _terminal.WaitForScreen(s => s.Contains("In [3]:"), "the third prompt", ScreenTimeout);
        // The error takes the keys typed next: the next cell shows its value only if the prompt still has them.
        _terminal.TypeLine("40+2");
        var screen = _terminal.WaitForScreen(s => s.Contains("Out[3]: 42") || s.Contains("Press ENTER to continue"), "Out[3]: 42", ScreenTimeout);
        Assert.That(screen, Does.Not.Contain("Unhandled exception in event loop"));
        Assert.That(screen, Does.Not.Contain("cannot enter context"));
        Assert.That(screen, Does.Contain("Out[3]: 42"));
        Assert.That(screen.Split('\n').Select(l => l.TrimEnd()), Does.Contain("hello, world"));
    }

    [Test]
    public void An_open_block_gets_a_continuation_prompt_and_runs_when_closed()
    {
        _terminal.TypeLine("if (true) {");
        _terminal.WaitForScreen(s => s.Contains("...:"), "a continuation prompt", ScreenTimeout);
        _terminal.TypeLine("Console.WriteLine(\"inside \" + \"the block\"); }");
        var screen = _terminal.WaitForScreen(s => s.Contains("In [2]:"), "the next prompt", ScreenTimeout);
        Assert.That(screen.Split('\n').Select(l => l.TrimEnd()), Does.Contain("inside the block"));
    }

    [Test]
    public void Ctrl_D_exits_the_console_and_the_kernel_process_is_gone()
    {
        var kernels = LinuxProcesses.WithCommandLineContaining(Path.Combine(_sandbox.RuntimeDirectory, "kernel-"));
        Assert.That(kernels, Has.Count.EqualTo(1), "one kernel runs for the console");

        _terminal.PressKey("C-d");
        // The sandbox has no console config, so confirm_exit keeps its default and the console asks.
        _terminal.WaitForScreen(s => s.Contains("Do you really want to exit ([y]/n)?"), "the exit question", ScreenTimeout);
        _terminal.TypeLine("y");

        Assert.That(_terminal.WaitForExit(ScreenTimeout), Is.Zero, _terminal.Screen());
        // jupyter console sends shutdown_request and exits without waiting for the kernel to end.
        Assert.That(LinuxProcesses.WaitForEnd(kernels[0], TimeSpan.FromSeconds(10)), Is.True, "the kernel outlived its console");
    }
}
