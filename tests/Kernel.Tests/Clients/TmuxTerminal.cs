using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CSharpKernel.Tests.Clients;

/// <summary>
/// A program running in a detached tmux pane on a private tmux server (its socket lives in the
/// sandbox), typed at with send-keys and read with capture-pane, as a person at a terminal would.
/// </summary>
public sealed class TmuxTerminal : IDisposable
{
    public const string Tmux = "/usr/bin/tmux";
    private const string Session = "client";

    private static readonly Regex ExitLine = new(@"^\[exited with (\d+)\]", RegexOptions.Multiline);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly JupyterSandbox _sandbox;
    private readonly string _socket;

    private TmuxTerminal(JupyterSandbox sandbox)
    {
        _sandbox = sandbox;
        _socket = Path.Combine(sandbox.Root, "tmux.sock");
    }

    public static TmuxTerminal Start(JupyterSandbox sandbox, params string[] command)
    {
        var terminal = new TmuxTerminal(sandbox);
        var environment = sandbox.Environment.SelectMany(v => new[] { "-e", $"{v.Key}={v.Value}" });
        // A shell waits for the program and prints its exit status: tmux itself does not always reap
        // the pane's process, so its pane_dead_status cannot be relied on.
        string[] reported = ["/bin/sh", "-c", "\"$@\"; echo \"[exited with $?]\"", "sh", .. command];
        terminal.Run(["new-session", "-d", "-s", Session, "-x", "120", "-y", "50", .. environment, .. reported]);
        // The pane stays after the program ends, so that its last screen can still be read.
        terminal.Run(["set-option", "-t", Session, "remain-on-exit", "on"]);
        return terminal;
    }

    /// <summary>Types the text literally (sent as bytes, so tmux parses nothing in it) and presses Enter.</summary>
    public void TypeLine(string text)
    {
        Run(["send-keys", "-t", Session, "-H", .. Encoding.UTF8.GetBytes(text).Select(b => b.ToString("x2"))]);
        PressKey("Enter");
    }

    /// <summary>Presses a key by tmux's name for it: Enter, C-d, C-c.</summary>
    public void PressKey(string key) => Run(["send-keys", "-t", Session, key]);

    public string Screen() => Run(["capture-pane", "-p", "-t", Session]);

    /// <summary>Polls the screen until it shows the text; fails with the screen past the timeout.</summary>
    public string WaitForScreen(Func<string, bool> shows, string what, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var screen = Screen();
            if (shows(screen))
                return screen;
            if (clock.Elapsed > timeout)
                Assert.Fail($"the terminal did not show {what} within {timeout.TotalSeconds} s; screen:\n{screen}");
            Thread.Sleep(PollInterval);
        }
    }

    /// <summary>Waits until the program in the pane has ended and returns its exit status.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        var screen = WaitForScreen(s => ExitLine.IsMatch(s), "that the program exited", timeout);
        return int.Parse(ExitLine.Match(screen).Groups[1].Value);
    }

    public void Dispose()
    {
        if (File.Exists(_socket))
            Run(["kill-server"], check: false);
    }

    private string Run(IEnumerable<string> arguments, bool check = true)
    {
        var start = new ProcessStartInfo(Tmux, ["-S", _socket, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _sandbox.ApplyTo(start);
        using var tmux = Process.Start(start)!;
        var error = tmux.StandardError.ReadToEndAsync();
        var output = tmux.StandardOutput.ReadToEnd();
        tmux.WaitForExit();
        if (check && tmux.ExitCode != 0)
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed: {error.Result}");
        return output;
    }
}
