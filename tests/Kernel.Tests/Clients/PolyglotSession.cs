using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace CSharpKernel.Tests.Clients;

/// <summary>
/// `dotnet-interactive stdio`, driven as VS Code's Polyglot Notebooks extension drives it: one JSON
/// command envelope per line on stdin, one event envelope per line on stdout. Each command's events
/// are those whose command token is its token or a child of it (".1"), through its own
/// CommandSucceeded or CommandFailed.
/// </summary>
public sealed class PolyglotSession : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<JsonObject> _events = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<JsonObject> _unclaimed = [];
    private int _tokens;

    public PolyglotSession(string tool, JupyterSandbox sandbox)
    {
        var start = new ProcessStartInfo(tool, ["stdio", "--default-kernel", "csharp"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = sandbox.Root,
            StandardOutputEncoding = Encoding.UTF8,
        };
        sandbox.ApplyTo(start);
        start.Environment["DOTNET_INTERACTIVE_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
                _stderr.AppendLine(e.Data);
        };
        _process.BeginErrorReadLine();
        new Thread(ReadEvents) { IsBackground = true, Name = "dotnet-interactive stdout" }.Start();
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
                return _stderr.ToString();
        }
    }

    /// <summary>Waits for the tool's KernelReady, which it sends once it reads commands.</summary>
    public void WaitForReady(TimeSpan timeout) => NextEvent(e => e["eventType"]?.GetValue<string>() == "KernelReady", timeout);

    public PolyglotResult SubmitCode(string code, string targetKernel, TimeSpan? timeout = null) =>
        Send("SubmitCode", new JsonObject { ["code"] = code, ["targetKernelName"] = targetKernel }, timeout);

    /// <summary>A request at a place in the code, as the editor asks it: line and character count from zero.</summary>
    public PolyglotResult RequestAt(string commandType, string code, string targetKernel, TimeSpan? timeout = null)
    {
        var lines = code.Split('\n');
        return Send(commandType, new JsonObject
        {
            ["code"] = code,
            ["linePosition"] = new JsonObject { ["line"] = lines.Length - 1, ["character"] = lines[^1].Length },
            ["targetKernelName"] = targetKernel,
        }, timeout);
    }

    private PolyglotResult Send(string commandType, JsonObject command, TimeSpan? timeout)
    {
        var token = $"test-{Interlocked.Increment(ref _tokens)}";
        var envelope = new JsonObject { ["token"] = token, ["commandType"] = commandType, ["command"] = command };
        _process.StandardInput.WriteLine(envelope.ToJsonString());
        _process.StandardInput.Flush();
        var events = new List<JsonObject>();
        while (true)
        {
            var next = NextEvent(e => BelongsTo(e, token), timeout ?? TimeSpan.FromSeconds(60));
            events.Add(next);
            if (next["command"]?["token"]?.GetValue<string>() == token
                && next["eventType"]?.GetValue<string>() is "CommandSucceeded" or "CommandFailed")
                return new PolyglotResult(events);
        }
    }

    private static bool BelongsTo(JsonObject envelope, string token) =>
        envelope["command"]?["token"]?.GetValue<string>() is { } own && (own == token || own.StartsWith(token + ".", StringComparison.Ordinal));

    private JsonObject NextEvent(Func<JsonObject, bool> match, TimeSpan timeout)
    {
        var kept = _unclaimed.FindIndex(e => match(e));
        if (kept >= 0)
        {
            var found = _unclaimed[kept];
            _unclaimed.RemoveAt(kept);
            return found;
        }
        var clock = Stopwatch.StartNew();
        while (_events.TryTake(out var envelope, ClampedRemaining(timeout - clock.Elapsed)))
        {
            if (match(envelope))
                return envelope;
            _unclaimed.Add(envelope);
        }
        throw new TimeoutException($"no matching event from dotnet-interactive within {timeout}; seen: {string.Join("\n", _unclaimed.Select(e => e.ToJsonString()))}\nstderr: {Stderr}");
    }

    private static TimeSpan ClampedRemaining(TimeSpan remaining) => remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining;

    private void ReadEvents()
    {
        while (_process.StandardOutput.ReadLine() is { } line)
        {
            // The tool also writes lines that are not events (its own diagnostics); only envelopes matter here.
            if (line.StartsWith('{') && JsonNode.Parse(line) is JsonObject envelope && envelope.ContainsKey("eventType"))
                _events.Add(envelope);
        }
        _events.CompleteAdding();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.StandardInput.WriteLine(new JsonObject { ["token"] = "quit", ["commandType"] = "Quit", ["command"] = new JsonObject() }.ToJsonString());
                _process.StandardInput.Flush();
            }
            catch (IOException)
            {
                // Already gone: nothing to ask.
            }
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
