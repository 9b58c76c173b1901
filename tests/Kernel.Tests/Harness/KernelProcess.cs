using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CSharpKernel.Tests.Harness;

/// <summary>
/// The real kernel process, started with a connection file of free loopback ports, as a Jupyter
/// client starts it. Its standard error is kept for the test's failure message.
/// </summary>
public sealed class KernelProcess : IDisposable
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

    /// <param name="connectionOverrides">Connection file fields to set instead of the free ports (a port in use, ...).</param>
    /// <param name="launcher">
    /// A program that starts the kernel, given the kernel's command line after its own (e.g. `sh -c '"$@" &amp; wait' sh`):
    /// then <see cref="Process"/> is that launcher, and JPY_PARENT_PID is not set, as by a client other than jupyter_client.
    /// </param>
    public static KernelProcess Start(string key = "", IReadOnlyDictionary<string, string>? environment = null, string transport = "tcp",
        string? workingDirectory = null, JsonObject? connectionOverrides = null, IReadOnlyList<string>? launcher = null)
    {
        var ipc = transport == "ipc";
        var ipcBase = Path.Combine(Path.GetTempPath(), $"kernel-ipc-{Guid.NewGuid():N}");
        var connection = new JsonObject
        {
            ["transport"] = transport,
            ["ip"] = ipc ? ipcBase : "127.0.0.1",
            ["shell_port"] = ipc ? 1 : FreePorts.Next(),
            ["iopub_port"] = ipc ? 2 : FreePorts.Next(),
            ["stdin_port"] = ipc ? 3 : FreePorts.Next(),
            ["control_port"] = ipc ? 4 : FreePorts.Next(),
            ["hb_port"] = ipc ? 5 : FreePorts.Next(),
            ["key"] = key,
            ["signature_scheme"] = "hmac-sha256",
            ["kernel_name"] = "csharp",
        };
        foreach (var (name, value) in connectionOverrides ?? [])
            connection[name] = value?.DeepClone();
        var file = Path.Combine(Path.GetTempPath(), $"kernel-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, connection.ToJsonString());
        return Launch([.. launcher ?? [], "dotnet", KernelDll, "run", "--connection-file", file], file, connection, environment, workingDirectory,
            jupyterParent: launcher is null);
    }

    /// <summary>
    /// Starts any kernel as a client starts it from its kernelspec: argv with {connection_file}
    /// replaced by a file of free loopback ports, and the spec's environment.
    /// </summary>
    public static KernelProcess StartFromArgv(IReadOnlyList<string> argv, string key, IReadOnlyDictionary<string, string>? environment = null)
    {
        var connection = new JsonObject
        {
            ["transport"] = "tcp",
            ["ip"] = "127.0.0.1",
            ["shell_port"] = FreePorts.Next(),
            ["iopub_port"] = FreePorts.Next(),
            ["stdin_port"] = FreePorts.Next(),
            ["control_port"] = FreePorts.Next(),
            ["hb_port"] = FreePorts.Next(),
            ["key"] = key,
            ["signature_scheme"] = "hmac-sha256",
            ["kernel_name"] = "",
        };
        var file = Path.Combine(Path.GetTempPath(), $"kernel-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, connection.ToJsonString());
        return Launch(argv.Select(a => a.Replace("{connection_file}", file)).ToList(), file, connection, environment, null, jupyterParent: true);
    }

    private static KernelProcess Launch(IReadOnlyList<string> argv, string file, JsonObject connection,
        IReadOnlyDictionary<string, string>? environment, string? workingDirectory, bool jupyterParent)
    {
        var start = new ProcessStartInfo(argv[0], argv.Skip(1))
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
        // Test kernels keep their history in memory unless a test gives them a file: never the user's own.
        start.Environment["CSHARP_KERNEL_HISTORY"] = "off";
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

    /// <summary>The kernel build that the tests reference, copied beside the test assembly.</summary>
    public static string KernelDll => Path.Combine(AppContext.BaseDirectory, "csharp-kernel.dll");

    public string Endpoint(string channel) => $"tcp://127.0.0.1:{Connection[channel + "_port"]!.GetValue<int>()}";

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
