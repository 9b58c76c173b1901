using System.Text;
using System.Text.Json.Nodes;
using CSharpKernel.Server;
using CSharpKernel.Wire;

namespace CSharpKernel.Tests.Server;

/// <summary>
/// The kernel core (dispatchers, handlers, executor) over the echo interpreter, with no socket
/// and no process: a test hands it a client's frames and reads what it would have sent.
/// </summary>
internal sealed class InProcessKernel : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("in-process-secret");
    private static readonly byte[] Identity = Encoding.ASCII.GetBytes("client");

    private readonly WireCodec _client = new(new MessageSigner(Key));
    private readonly RecordingSender _shell;
    private readonly RecordingSender _control;
    private readonly StdinBroker _stdinBroker;
    private readonly KernelCore _core;

    public InProcessKernel()
    {
        var codec = new WireCodec(new MessageSigner(Key));
        Sent = new SentLog(new WireCodec(new MessageSigner(Key)));
        _shell = new RecordingSender("shell", Sent);
        _control = new RecordingSender("control", Sent);
        _stdinBroker = new StdinBroker(codec);
        var messenger = new Messenger(codec, new RecordingSender("iopub", Sent), "kernel-session");
        _core = new KernelCore(codec, messenger, Interpreter, new RecordingSender("stdin", Sent), _stdinBroker, restart => ShutdownRequested = restart);
    }

    public EchoInterpreter Interpreter { get; } = new();
    public SentLog Sent { get; }

    /// <summary>Whether a shutdown was asked for, and with restart or not; null if none was.</summary>
    public bool? ShutdownRequested { get; private set; }

    /// <summary>Hands a request to the channel's dispatcher, as its socket's thread does; returns its msg_id.</summary>
    public string Send(string channel, string msgType, JsonObject content) =>
        SendRaw(channel, msgType, Encoding.UTF8.GetBytes(content.ToJsonString()));

    public string SendRaw(string channel, string msgType, byte[] content)
    {
        var header = new MessageHeader(Guid.NewGuid().ToString(), "client-session", "test", DateTime.UtcNow.ToString("o"), msgType, "5.3");
        var frames = _client.Encode(new JupyterMessage([Identity], header, null, default, default, []), content);
        switch (channel)
        {
            case "shell":
                _core.Shell.OnFrames(_shell, frames);
                break;
            case "control":
                _core.Control.OnFrames(_control, frames);
                break;
            case "stdin":
                _stdinBroker.OnFrames(frames);
                break;
            default:
                throw new ArgumentException($"no channel {channel}", nameof(channel));
        }
        return header.MsgId;
    }

    public string Execute(string code, bool silent = false, bool stopOnError = true, bool allowStdin = false) =>
        Send("shell", "execute_request", new JsonObject
        {
            ["code"] = code,
            ["silent"] = silent,
            ["store_history"] = true,
            ["user_expressions"] = new JsonObject(),
            ["allow_stdin"] = allowStdin,
            ["stop_on_error"] = stopOnError,
        });

    /// <summary>What the server sent for a request, on every channel, in order, through its idle status.</summary>
    public IReadOnlyList<SentMessage> UntilIdle(string msgId)
    {
        var idle = Sent.WaitFor(m => m.ParentId == msgId && m.MsgType == "status" && m.Str("execution_state") == "idle", Timeout);
        var all = Sent.All;
        return [.. all.Take(all.ToList().IndexOf(idle) + 1).Where(m => m.ParentId == msgId)];
    }

    public SentMessage WaitFor(Func<SentMessage, bool> match) => Sent.WaitFor(match, Timeout);

    public void Dispose()
    {
        _core.Dispose();
        Interpreter.Dispose();
    }
}
