using CSharpKernel.Logging;
using NetMQ;

namespace CSharpKernel.Server;

/// <summary>
/// One socket, its own thread and poller, and a queue through which other threads send on it:
/// the socket is touched only by this thread.
/// </summary>
public sealed class SocketLoop : IDisposable
{
    private readonly string _name;
    private readonly NetMQSocket _socket;
    private readonly NetMQQueue<List<byte[]>> _outgoing = new();
    private readonly NetMQPoller _poller;
    private readonly Thread _thread;
    private readonly Action<List<byte[]>>? _onReceive;
    private readonly IDisposable? _relay;

    /// <param name="onReceive">Called on this loop's thread for every multipart message received.</param>
    public SocketLoop(string name, NetMQSocket socket, ChannelEndpoint endpoint, Action<List<byte[]>>? onReceive)
    {
        _name = name;
        _socket = socket;
        _onReceive = onReceive;
        socket.Options.Linger = TimeSpan.FromSeconds(2);
        _relay = endpoint.Bind(socket);
        if (onReceive is not null)
            socket.ReceiveReady += OnReceiveReady;
        _outgoing.ReceiveReady += OnOutgoing;
        _poller = [socket, _outgoing];
        _thread = new Thread(_poller.Run) { IsBackground = true, Name = name };
    }

    public NetMQSocket Socket => _socket;

    public void Start() => _thread.Start();

    public void Send(List<byte[]> frames) => _outgoing.Enqueue(frames);

    /// <summary>Sends everything queued so far, then stops the loop.</summary>
    public void StopAfterDrain() => _outgoing.Enqueue([]);

    public void Join(TimeSpan timeout) => _thread.Join(timeout);

    public void Dispose()
    {
        if (_poller.IsRunning)
            _poller.Stop();
        _poller.Dispose();
        _outgoing.Dispose();
        _socket.Dispose();
        _relay?.Dispose();
    }

    /// <summary>One message per event: a REP socket must answer before it may receive again.</summary>
    private void OnReceiveReady(object? sender, NetMQSocketEventArgs e)
    {
        try
        {
            var frames = new List<byte[]>();
            if (e.Socket.TryReceiveMultipartBytes(ref frames))
                _onReceive!(frames);
        }
        catch (Exception exception)
        {
            KernelLog.Warn($"{_name}: handler failed: {exception}");
        }
    }

    private void OnOutgoing(object? sender, NetMQQueueEventArgs<List<byte[]>> e)
    {
        while (e.Queue.TryDequeue(out var frames, TimeSpan.Zero))
        {
            if (frames.Count == 0)
            {
                _poller.Stop();
                return;
            }
            _socket.SendMultipartBytes(frames);
        }
    }
}
