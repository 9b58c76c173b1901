using System.Net;
using System.Net.Sockets;
using CSharpKernel.Logging;

namespace CSharpKernel.Server;

/// <summary>
/// Makes the ipc transport real. NetMQ's "ipc://" is TCP on a hashed port, which libzmq clients
/// cannot reach; so the kernel listens on the Unix domain socket itself and relays the bytes of
/// each connection to the NetMQ socket bound on a loopback port. ZMTP passes through unchanged.
/// </summary>
internal sealed class UnixSocketRelay : IDisposable
{
    private readonly string _path;
    private readonly int _tcpPort;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();

    public UnixSocketRelay(string path, int tcpPort)
    {
        _path = path;
        _tcpPort = tcpPort;
        if (File.Exists(path))
            File.Delete(path);
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(path));
        _listener.Listen(16);
        _ = AcceptLoop();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        File.Delete(_path);
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Relay(client);
        }
    }

    private async Task Relay(Socket client)
    {
        try
        {
            using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _tcpPort), _stop.Token);
            await using var near = new NetworkStream(client, ownsSocket: true);
            await using var far = new NetworkStream(upstream, ownsSocket: false);
            // When either side closes, the other is closed too by leaving this scope.
            await Task.WhenAny(near.CopyToAsync(far, _stop.Token), far.CopyToAsync(near, _stop.Token));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            KernelLog.Debug($"ipc relay {_path}: {e.Message}");
        }
        finally
        {
            client.Dispose();
        }
    }
}
