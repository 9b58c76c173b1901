using CSharpKernel.Logging;
using NetMQ;
using NetMQ.Sockets;

namespace CSharpKernel.Server;

/// <summary>
/// One socket, its own thread and poller, and a queue through which other threads send on it:
/// the socket is touched only by this thread.
/// </summary>
internal sealed class SocketLoop : IFrameSender, IDisposable
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
        try
        {
            _relay = endpoint.Bind(socket);
        }
        catch (AddressAlreadyInUseException e)
        {
            socket.Dispose();
            throw new PortInUseException(name, endpoint, e);
        }
        if (onReceive is not null)
            socket.ReceiveReady += OnReceiveReady;
        _outgoing.ReceiveReady += OnOutgoing;
        _poller = [socket, _outgoing];
        _thread = new Thread(_poller.Run) { IsBackground = true, Name = name };
    }

    public NetMQSocket Socket => _socket;

    public void Start() => _thread.Start();

    public void Send(List<byte[]> frames) => _outgoing.Enqueue(frames);

    /// <summary>Sends on the socket at once; only for this loop's own thread (its receive handler).</summary>
    public void SendNow(List<byte[]> frames) => _socket.SendMultipartBytes(frames);

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
    private void OnReceiveReady(object? sender, NetMQSocketEventArgs e) => ReceiveOne();

    private bool ReceiveOne()
    {
        try
        {
            var frames = new List<byte[]>();
            if (!_socket.TryReceiveMultipartBytes(ref frames))
                return false;
            _onReceive!(frames);
        }
        catch (Exception exception)
        {
            KernelLog.Warn($"{_name}: handler failed: {exception}");
        }
        return true;
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
            // An XPUB socket may have taken in a subscription that its receive event has not been
            // seen for yet; its welcome must reach that subscriber before anything published after it.
            if (_socket is XPublisherSocket && _onReceive is not null)
                while (ReceiveOne()) { }
            _socket.SendMultipartBytes(frames);
        }
    }
}
