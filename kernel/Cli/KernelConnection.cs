using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CSharpKernel.Wire;
using NetMQ;
using NetMQ.Sockets;

namespace CSharpKernel.Cli;

/// <summary>
/// A kernel process started by the CLI and the client side of its sockets, for running notebooks
/// headless exactly as a Jupyter client would: over ZeroMQ, with signed messages.
/// </summary>
internal sealed class KernelConnection : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _connectionFile;
    private readonly WireCodec _codec;
    private readonly string _session = Guid.NewGuid().ToString();
    private readonly DealerSocket _shell = new();
    private readonly DealerSocket _control = new();
    private readonly SubscriberSocket _iopub = new();
    private readonly Queue<JupyterMessage> _early = new();

    public KernelConnection()
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var ports = Enumerable.Range(0, 5).Select(_ => FreePort()).ToArray();
        var connection = new JsonObject
        {
            ["transport"] = "tcp", ["ip"] = "127.0.0.1",
            ["shell_port"] = ports[0], ["iopub_port"] = ports[1], ["stdin_port"] = ports[2],
            ["control_port"] = ports[3], ["hb_port"] = ports[4],
            ["key"] = key, ["signature_scheme"] = MessageSigner.Scheme,
        };
        _connectionFile = Path.Combine(Path.GetTempPath(), $"csharp-kernel-{Guid.NewGuid():N}.json");
        File.WriteAllText(_connectionFile, connection.ToJsonString());
        _codec = new WireCodec(new MessageSigner(Encoding.UTF8.GetBytes(key)));

        var command = KernelLauncher.Command();
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in command.Skip(1).Concat(["run", "--connection-file", _connectionFile]))
            start.ArgumentList.Add(argument);
        start.Environment["JPY_PARENT_PID"] = Environment.ProcessId.ToString();
        _process = Process.Start(start) ?? throw new InvalidOperationException("the kernel could not be started");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();

        foreach (var socket in new NetMQSocket[] { _shell, _control, _iopub })
            socket.Options.Linger = TimeSpan.Zero;
        _shell.Connect($"tcp://127.0.0.1:{ports[0]}");
        _control.Connect($"tcp://127.0.0.1:{ports[3]}");
        _iopub.Connect($"tcp://127.0.0.1:{ports[1]}");
        _iopub.SubscribeToAnyTopic();
    }

    /// <summary>kernel_info until iopub answers too: a subscription only counts once it has reached the kernel.</summary>
    public void WaitForReady()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyTimeout)
        {
            var id = Send(_shell, "kernel_info_request", new JsonObject());
            if (Receive(_shell, id, ReadyTimeout) is null)
                break;
            if (ReceiveIopub(m => m.ParentHeader?.MsgId == id, TimeSpan.FromMilliseconds(500)) is not null)
                return;
        }
        throw new TimeoutException("the kernel did not become ready");
    }

    /// <summary>Runs one cell and returns its reply's content and the iopub messages parented to it, in order.</summary>
    public (JsonElement Reply, List<JupyterMessage> Iopub) Execute(string code, TimeSpan timeout)
    {
        var id = Send(_shell, "execute_request", new JsonObject
        {
            ["code"] = code, ["silent"] = false, ["store_history"] = true,
            ["user_expressions"] = new JsonObject(), ["allow_stdin"] = false, ["stop_on_error"] = true,
        });
        var messages = new List<JupyterMessage>();
        while (true)
        {
            var message = ReceiveIopub(m => m.ParentHeader?.MsgId == id, timeout)
                          ?? throw new TimeoutException($"the cell did not finish within {timeout}");
            if (message.MsgType == "status" && message.Content.GetProperty("execution_state").GetString() == "idle")
                break;
            if (message.MsgType != "status")
                messages.Add(message);
        }
        var reply = Receive(_shell, id, timeout) ?? throw new TimeoutException("no execute_reply");
        return (reply.Content, messages);
    }

    public void Dispose()
    {
        try
        {
            var id = Send(_control, "shutdown_request", new JsonObject { ["restart"] = false });
            Receive(_control, id, TimeSpan.FromSeconds(5));
            if (!_process.WaitForExit(5000))
                _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _shell.Dispose();
            _control.Dispose();
            _iopub.Dispose();
            _process.Dispose();
            File.Delete(_connectionFile);
        }
    }

    private string Send(NetMQSocket socket, string msgType, JsonObject content)
    {
        var header = new MessageHeader(Guid.NewGuid().ToString(), _session, Environment.UserName, DateTime.UtcNow.ToString("o"), msgType, "5.3");
        var frames = _codec.Encode(new JupyterMessage([], header, null, default, default, []), Encoding.UTF8.GetBytes(content.ToJsonString()));
        var message = new NetMQMessage();
        foreach (var frame in frames)
            message.Append(frame);
        socket.SendMultipartMessage(message);
        return header.MsgId;
    }

    private JupyterMessage? Receive(NetMQSocket socket, string parentId, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var frames = new List<byte[]>();
        while (clock.Elapsed < timeout && socket.TryReceiveMultipartBytes(timeout - clock.Elapsed, ref frames))
        {
            if (_codec.Decode(frames).Message is { } message && message.ParentHeader?.MsgId == parentId)
                return message;
        }
        return null;
    }

    private JupyterMessage? ReceiveIopub(Func<JupyterMessage, bool> match, TimeSpan timeout)
    {
        for (var i = _early.Count; i > 0; i--)
        {
            var early = _early.Dequeue();
            if (match(early))
                return early;
            _early.Enqueue(early);
        }
        var clock = Stopwatch.StartNew();
        var frames = new List<byte[]>();
        while (clock.Elapsed < timeout && _iopub.TryReceiveMultipartBytes(timeout - clock.Elapsed, ref frames))
        {
            if (_codec.Decode(frames).Message is not { } message)
                continue;
            if (match(message))
                return message;
            _early.Enqueue(message);
        }
        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
