using CSharpKernel.Server;

namespace CSharpKernel.Tests.Server;

/// <summary>
/// The real server, over real sockets, serving the echo interpreter inside the test process, and
/// the client connected to it through the same connection file a launcher would write.
/// </summary>
internal sealed class EchoKernel : IDisposable
{
    private const string Key = "echo-secret";

    private readonly string _connectionFile = Path.GetTempFileName();
    private readonly KernelServer _server;
    private readonly Thread _serving;

    public EchoKernel()
    {
        var connection = LoopbackConnection.Loopback(Key, "echo");
        File.WriteAllText(_connectionFile, connection.ToJsonString());
        _server = new KernelServer(CSharpKernel.Server.ConnectionInfo.Load(_connectionFile), () => Interpreter);
        _serving = new Thread(_server.Serve) { IsBackground = true, Name = "echo server" };
        _serving.Start();
        Client = new KernelClient(connection);
        Client.WaitForReady();
    }

    public EchoInterpreter Interpreter { get; } = new();
    public KernelClient Client { get; }

    /// <summary>Whether the server stopped serving (after a shutdown request) within the time.</summary>
    public bool Stopped(TimeSpan timeout) => _serving.Join(timeout);

    public void Dispose()
    {
        Client.Dispose();
        _server.RequestShutdown();
        _serving.Join(TimeSpan.FromSeconds(10));
        _server.Dispose();
        File.Delete(_connectionFile);
    }
}
