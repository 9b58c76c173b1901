using System.Diagnostics;
using System.Text;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Clients;

/// <summary>
/// Debian's classic Jupyter Notebook server (python3-notebook 6.4) for a sandbox: on a free
/// loopback port with a token, serving an empty folder of the sandbox. Its log is kept for failure
/// messages; <see cref="Start"/> returns once the REST API answers.
/// </summary>
public sealed class NotebookServer : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private NotebookServer(Process process, int port, string token, string notebookDirectory)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
        Token = token;
        NotebookDirectory = notebookDirectory;
    }

    public string BaseUrl { get; }
    public string Token { get; }
    public string NotebookDirectory { get; }

    /// <summary>A page or API path of the server with the token, as a browser opens it.</summary>
    public string Url(string path) => $"{BaseUrl}/{path}?token={Token}";

    public string Log
    {
        get
        {
            lock (_log)
                return _log.ToString();
        }
    }

    public static NotebookServer Start(JupyterSandbox sandbox)
    {
        var port = FreePorts.Next();
        var token = Guid.NewGuid().ToString("N");
        var folder = Directory.CreateDirectory(Path.Combine(sandbox.Root, "notebooks")).FullName;
        // --allow-root because CI runs as root; --port-retries=0 so a taken port fails instead of moving.
        var start = new ProcessStartInfo(DebianJupyter.Jupyter,
            ["notebook", "--no-browser", "--allow-root", "--ip=127.0.0.1", $"--port={port}", "--port-retries=0",
             $"--NotebookApp.token={token}", $"--notebook-dir={folder}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        sandbox.ApplyTo(start);
        var server = new NotebookServer(Process.Start(start)!, port, token, folder);
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (server._log)
                server._log.AppendLine(e.Data);
        };
        server._process.OutputDataReceived += keep;
        server._process.ErrorDataReceived += keep;
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            server.WaitUntilServing();
        }
        catch
        {
            server.Dispose();
            throw;
        }
        return server;
    }

    /// <summary>Waits for the server to stop by itself (after POST /api/shutdown); null if it did not.</summary>
    public int? WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout) ? _process.ExitCode : null;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    /// <summary>Polls the REST API until it answers: the server's own readiness signal.</summary>
    private void WaitUntilServing()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the notebook server exited with {_process.ExitCode}:\n{Log}");
            try
            {
                if (http.GetAsync(Url("api/kernelspecs")).Result.IsSuccessStatusCode)
                    return;
            }
            catch (AggregateException e) when (e.InnerException is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException($"the notebook server did not answer within {StartTimeout.TotalSeconds} s:\n{Log}");
    }
}
