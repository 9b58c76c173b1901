using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CSharpKernel.Wire;
using NetMQ;
using NetMQ.Sockets;

namespace CSharpKernel.Client;

/// <summary>
/// A Jupyter client over ZeroMQ sockets, as jupyter_client is one: DEALER sockets for shell,
/// control and stdin (shell and stdin share an identity), SUB for iopub, REQ for heartbeat; signed
/// and parsed by the kernel's own <see cref="WireCodec"/>. Used from one thread; messages that
/// arrive before they are asked for are kept. The CLI, the tests and the benchmarks all use it.
/// </summary>
internal sealed class KernelClient : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private readonly WireCodec _codec;
    private readonly string _session = Guid.NewGuid().ToString();
    private readonly Dictionary<string, NetMQSocket> _sockets = new();
    private readonly Dictionary<string, List<ReceivedMessage>> _pending = new();

    private readonly JsonObject _connection;

    /// <summary>A client of a kernel this client started, whose process it can signal and whose stderr it can quote.</summary>
    public KernelClient(KernelProcess kernel)
        : this(kernel.Connection, kernel)
    {
    }

    /// <summary>A client of the kernel a connection file describes, wherever it runs (another process, or this one).</summary>
    public KernelClient(JsonObject connection, KernelProcess? kernel = null)
    {
        Kernel = kernel;
        _connection = connection;
        _codec = new WireCodec(new MessageSigner(Encoding.UTF8.GetBytes(connection["key"]!.GetValue<string>())));
        var identity = Encoding.ASCII.GetBytes(_session);
        foreach (var channel in new[] { "shell", "control", "stdin" })
        {
            var dealer = new DealerSocket();
            if (channel != "control")
                dealer.Options.Identity = identity;
            dealer.Options.Linger = TimeSpan.Zero;
            dealer.Connect(LoopbackConnection.Endpoint(connection, channel));
            _sockets[channel] = dealer;
        }
        var iopub = new SubscriberSocket();
        iopub.Options.Linger = TimeSpan.Zero;
        iopub.Connect(LoopbackConnection.Endpoint(connection, "iopub"));
        iopub.SubscribeToAnyTopic();
        _sockets["iopub"] = iopub;
        foreach (var channel in _sockets.Keys)
            _pending[channel] = [];
    }

    /// <summary>The kernel's process, when this client started it.</summary>
    public KernelProcess? Kernel { get; }

    /// <summary>
    /// Sends kernel_info until iopub delivers its status or the kernel's iopub_welcome (protocol 5.4):
    /// a SUB socket drops what is published before its subscription reaches the kernel, so this is
    /// the protocol's own readiness handshake; kernels without the welcome still pass by the status.
    /// </summary>
    public ReceivedMessage WaitForReady(TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var id = Send("shell", "kernel_info_request", new JsonObject());
            var reply = WaitForReply("shell", id, limit - deadline.Elapsed);
            if (TryReceiveFor("iopub", m => m.ParentMsgId == id || m.MsgType == "iopub_welcome", TimeSpan.FromMilliseconds(500)) is not null)
                return reply;
            if (deadline.Elapsed > limit)
                throw new TimeoutException("iopub never delivered a status message");
        }
    }

    public string Send(string channel, string msgType, JsonObject content, IReadOnlyList<byte[]>? buffers = null) =>
        SendRaw(channel, msgType, Encoding.UTF8.GetBytes(content.ToJsonString()), buffers);

    /// <summary>Sends content exactly as given, signed: JSON that JsonObject would not write (a lone surrogate escape, ...).</summary>
    public string SendRaw(string channel, string msgType, byte[] contentJson, IReadOnlyList<byte[]>? buffers = null)
    {
        var header = new MessageHeader(Guid.NewGuid().ToString(), _session, Environment.UserName, DateTime.UtcNow.ToString("o"), msgType, "5.3");
        var message = new JupyterMessage([], header, null, default, default, buffers ?? []);
        SendFrames(channel, _codec.Encode(message, contentJson));
        return header.MsgId;
    }

    public void SendFrames(string channel, IReadOnlyList<byte[]> frames)
    {
        var message = new NetMQMessage();
        foreach (var frame in frames)
            message.Append(frame);
        _sockets[channel].SendMultipartMessage(message);
    }

    public ReceivedMessage Request(string msgType, JsonObject content, string channel = "shell", TimeSpan? timeout = null)
    {
        var id = Send(channel, msgType, content);
        return WaitForReply(channel, id, timeout ?? DefaultTimeout);
    }

    /// <summary>Answers the kernel's input_request (Console.ReadLine, a password prompt) with what the user typed.</summary>
    public void AnswerInput(string value) => Send("stdin", "input_reply", new JsonObject { ["value"] = value });

    /// <summary>interrupt_request on control and its reply, for kernels whose kernelspec says interrupt_mode message.</summary>
    public ReceivedMessage Interrupt(TimeSpan? timeout = null) => Request("interrupt_request", new JsonObject(), "control", timeout);

    /// <summary>
    /// Ends the kernel as jupyter_client's shutdown_kernel does: shutdown_request on control, a grace
    /// period for the reply and the exit; disposing the <see cref="KernelProcess"/> kills what is left.
    /// </summary>
    public void Shutdown(TimeSpan grace)
    {
        if (Kernel?.Process.HasExited == true)
            return;
        var id = Send("control", "shutdown_request", new JsonObject { ["restart"] = false });
        TryReceiveFor("control", m => m.ParentMsgId == id, grace);
        Kernel?.WaitForExit(grace);
    }

    /// <summary>Whether the heartbeat echoes a ping within the time; a fresh REQ socket each time, as one left waiting cannot send again.</summary>
    public bool IsAlive(TimeSpan timeout)
    {
        using var heartbeat = new RequestSocket();
        heartbeat.Options.Linger = TimeSpan.Zero;
        heartbeat.Connect(LoopbackConnection.Endpoint(_connection, "hb"));
        heartbeat.SendFrame("ping");
        return heartbeat.TryReceiveFrameBytes(timeout, out _);
    }

    public ExecutionResult Execute(string code, bool silent = false, bool storeHistory = true, bool allowStdin = false,
        bool stopOnError = true, JsonObject? userExpressions = null, TimeSpan? timeout = null)
    {
        var id = SendExecute(code, silent, storeHistory, allowStdin, stopOnError, userExpressions);
        return Collect(id, timeout);
    }

    public string SendExecute(string code, bool silent = false, bool storeHistory = true, bool allowStdin = false,
        bool stopOnError = true, JsonObject? userExpressions = null) =>
        Send("shell", "execute_request", new JsonObject
        {
            ["code"] = code,
            ["silent"] = silent,
            ["store_history"] = storeHistory,
            ["user_expressions"] = userExpressions ?? new JsonObject(),
            ["allow_stdin"] = allowStdin,
            ["stop_on_error"] = stopOnError,
        });

    /// <summary>The reply to a request and every iopub message parented to it, through its idle status.</summary>
    public ExecutionResult Collect(string msgId, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var reply = WaitForReply("shell", msgId, limit);
        return new ExecutionResult(reply, IopubUntilIdle(msgId, limit));
    }

    public List<ReceivedMessage> IopubUntilIdle(string parentMsgId, TimeSpan? timeout = null)
    {
        var messages = new List<ReceivedMessage>();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var message = TryReceiveFor("iopub", m => m.ParentMsgId == parentMsgId, limit)
                          ?? throw new TimeoutException($"no idle for {parentMsgId} after {messages.Count} messages: {string.Join("; ", messages)}\n{Kernel?.Stderr}");
            messages.Add(message);
            if (message.MsgType == "status" && message.Str("execution_state") == "idle")
                return messages;
        }
    }

    public ReceivedMessage WaitForReply(string channel, string msgId, TimeSpan timeout) =>
        TryReceiveFor(channel, m => m.ParentMsgId == msgId, timeout)
        ?? throw new TimeoutException($"no reply on {channel} to {msgId} within {timeout}\n{Kernel?.Stderr}");

    public ReceivedMessage? TryReceiveFor(string channel, Func<ReceivedMessage, bool> match, TimeSpan timeout)
    {
        var pending = _pending[channel];
        var index = pending.FindIndex(m => match(m));
        if (index >= 0)
        {
            var found = pending[index];
            pending.RemoveAt(index);
            return found;
        }
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var remaining = timeout - clock.Elapsed;
            if (TryReceive(channel, remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining) is not { } message)
                return null;
            if (match(message))
                return message;
            pending.Add(message);
        }
        return null;
    }

    /// <summary>Everything received on the channel and not yet asked for, and whatever arrives until it has been quiet for the time.</summary>
    public List<ReceivedMessage> TakeAll(string channel, TimeSpan quiet)
    {
        var taken = new List<ReceivedMessage>(_pending[channel]);
        _pending[channel].Clear();
        while (TryReceive(channel, quiet) is { } message)
            taken.Add(message);
        return taken;
    }

    /// <summary>Whether any message on the channel arrives within the time; used to assert silence.</summary>
    public ReceivedMessage? TryReceive(string channel, TimeSpan timeout)
    {
        var frames = new List<byte[]>();
        if (!_sockets[channel].TryReceiveMultipartBytes(timeout, ref frames))
            return null;
        var decoded = _codec.Decode(frames);
        var message = decoded.Message ?? throw new InvalidDataException($"the kernel sent a bad message on {channel}: {decoded.Error}");
        return ToReceived(channel, message);
    }

    public void Dispose()
    {
        foreach (var socket in _sockets.Values)
            socket.Dispose();
    }

    private static ReceivedMessage ToReceived(string channel, JupyterMessage message)
    {
        var header = JsonSerializer.SerializeToElement(message.Header, WireJsonContext.Default.MessageHeader);
        var parent = message.ParentHeader is null ? EmptyObject : JsonSerializer.SerializeToElement(message.ParentHeader, WireJsonContext.Default.MessageHeader);
        return new ReceivedMessage(channel, message.MsgType, message.ParentHeader?.MsgId, header, message.Content, parent, message.Buffers);
    }
}
