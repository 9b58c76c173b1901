using NetMQ;

namespace CSharpKernel.Server;

/// <summary>Where one channel listens: a TCP address as given, or a Unix socket path for ipc.</summary>
internal sealed record ChannelEndpoint(string Transport, string Address)
{
    /// <summary>Binds the socket; for ipc, returns the relay that must live as long as the socket.</summary>
    public IDisposable? Bind(NetMQSocket socket)
    {
        if (Transport == "tcp")
        {
            socket.Bind($"tcp://{Address}");
            return null;
        }
        var port = socket.BindRandomPort("tcp://127.0.0.1");
        return new UnixSocketRelay(Address, port);
    }

    public override string ToString() => $"{Transport}://{Address}";
}
