using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Browser;

/// <summary>
/// Debian's classic Jupyter Notebook server on 127.0.0.1, with this build's kernelspec installed
/// in a temp prefix and every Jupyter directory pointed into a temp folder.
/// </summary>
public sealed class NotebookServer : IDisposable
{
    public const string KernelName = "csharp-browser-test";

    private readonly Process _process;
    private readonly string _root;

    private NotebookServer(Process process, string root, int port, string token)
    {
        _process = process;
        _root = root;
        Port = port;
        Token = token;
    }

    public int Port { get; }
    public string Token { get; }
    public string NotebookDirectory => Path.Combine(_root, "notebooks");
    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}?token={Token}";

    public static bool IsInstalled => File.Exists("/usr/bin/jupyter-notebook") || File.Exists("/usr/lib/python3/dist-packages/notebook/notebookapp.py");

    public static NotebookServer Start()
    {
        var root = Directory.CreateTempSubdirectory("kernel-notebook-server-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        var prefix = Path.Combine(root, "prefix");
        using (var install = Process.Start(new ProcessStartInfo("dotnet", [KernelProcess.KernelDll, "install", "--prefix", prefix, "--name", KernelName]) { RedirectStandardOutput = true })!)
        {
            install.StandardOutput.ReadToEnd();
            install.WaitForExit();
        }

        var port = FreePort();
        var token = Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("/usr/bin/python3",
            ["-m", "notebook", "--no-browser", "--allow-root", "--ip=127.0.0.1", $"--port={port}", "--port-retries=0",
             $"--NotebookApp.token={token}", $"--notebook-dir={Path.Combine(root, "notebooks")}"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter");
        start.Environment["JUPYTER_DATA_DIR"] = Path.Combine(root, "data");
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(root, "runtime");
        start.Environment["JUPYTER_CONFIG_DIR"] = Path.Combine(root, "config");
        start.Environment["HOME"] = root;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new NotebookServer(process, root, port, token);
        server.WaitUntilServing();
        return server;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Polls the REST API until it answers: the server's own readiness signal.</summary>
    private void WaitUntilServing()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the notebook server exited with {_process.ExitCode}");
            try
            {
                if (http.GetAsync(Url("api/kernelspecs")).Result.IsSuccessStatusCode)
                    return;
            }
            catch (AggregateException e) when (e.InnerException is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException("the notebook server did not start");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
