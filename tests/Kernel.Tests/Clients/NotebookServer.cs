using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CSharpKernel.Tests.Clients;

/// <summary>
/// Debian's classic Jupyter Notebook server (python3-notebook 6.4) on a free loopback port with a
/// token, serving an empty folder of the sandbox. Its log is kept for failure messages.
/// </summary>
public sealed class NotebookServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private NotebookServer(Process process, int port, string token)
    {
        _process = process;
        Url = $"http://127.0.0.1:{port}";
        Token = token;
    }

    public string Url { get; }
    public string Token { get; }

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
        var port = FreePort();
        var token = Guid.NewGuid().ToString("N");
        var folder = Directory.CreateDirectory(Path.Combine(sandbox.Root, "notebook-folder")).FullName;
        // --allow-root because CI runs as root; --port-retries=0 so a taken port fails instead of moving.
        var start = new ProcessStartInfo(DebianJupyter.Jupyter,
            ["notebook", "--no-browser", "--allow-root", "--ip", "127.0.0.1", "--port", port.ToString(), "--port-retries=0",
             $"--NotebookApp.token={token}", $"--notebook-dir={folder}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        sandbox.ApplyTo(start);
        var server = new NotebookServer(Process.Start(start)!, port, token);
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
