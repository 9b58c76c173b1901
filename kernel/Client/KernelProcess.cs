using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CSharpKernel.Client;

/// <summary>
/// A kernel process, started with a connection file of free loopback ports, as a Jupyter client
/// starts it. Its standard error is kept for the messages of whoever waits on it in vain.
/// </summary>
internal sealed class KernelProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _stderr = new();

    private KernelProcess(Process process, string connectionFile, JsonObject connection)
    {
        _process = process;
        ConnectionFile = connectionFile;
        Connection = connection;
    }

    public string ConnectionFile { get; }
    public JsonObject Connection { get; }
    public string Key => Connection["key"]!.GetValue<string>();
    public Process Process => _process;

    public string Stderr
    {
        get
        {
            lock (_stderr)
                return _stderr.ToString();
        }
    }

    /// <summary>
    /// Starts any kernel as a client starts it from its kernelspec: argv with {connection_file}
    /// replaced by a file of free loopback ports, and the spec's environment.
    /// </summary>
    public static KernelProcess StartFromArgv(IReadOnlyList<string> argv, string key, IReadOnlyDictionary<string, string>? environment = null) =>
        Start(argv, LoopbackConnection.Loopback(key, kernelName: ""), environment);

    /// <summary>Writes the connection to a file of its own and runs argv with {connection_file} replaced by that file's path.</summary>
    /// <param name="jupyterParent">Whether JPY_PARENT_PID names this process, as jupyter_client sets it; when false it is removed.</param>
    public static KernelProcess Start(IReadOnlyList<string> argv, JsonObject connection, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null, bool jupyterParent = true)
    {
        var file = Path.Combine(Path.GetTempPath(), $"kernel-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, connection.ToJsonString());
        var command = argv.Select(a => a.Replace("{connection_file}", file)).ToList();
        var start = new ProcessStartInfo(command[0], command.Skip(1))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (jupyterParent)
            start.Environment["JPY_PARENT_PID"] = Environment.ProcessId.ToString();
        else
            start.Environment.Remove("JPY_PARENT_PID");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start)!;
        var kernel = new KernelProcess(process, file, connection);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (kernel._stderr)
            {
                kernel._stderr.AppendLine(e.Data);
                Monitor.PulseAll(kernel._stderr);
            }
        };
        process.BeginErrorReadLine();
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return kernel;
    }

    public string Endpoint(string channel) => LoopbackConnection.Endpoint(Connection, channel);

    /// <summary>
    /// Waits for the process to end and, when it has, for the last of its standard error to be read
    /// (bounded: a process it left behind may hold the pipe open).
    /// </summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
            return false;
        Task.Run(_process.WaitForExit).Wait(TimeSpan.FromSeconds(5));
        return true;
    }

    /// <summary>Waits until the kernel has logged a line containing the text; false if it has not within the time.</summary>
    public bool WaitForStderr(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        lock (_stderr)
        {
            while (!_stderr.ToString().Contains(text, StringComparison.Ordinal))
            {
                var remaining = timeout - deadline.Elapsed;
                if (remaining <= TimeSpan.Zero)
                    return false;
                Monitor.Wait(_stderr, remaining);
            }
            return true;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
        File.Delete(ConnectionFile);
    }
}
