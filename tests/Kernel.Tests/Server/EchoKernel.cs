using CSharpKernel.Server;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Server;

/// <summary>
/// The real server, over real sockets, serving the echo interpreter inside the test process, and
/// the harness's client connected to it. The harness's client takes its ports and key from a
/// <see cref="KernelProcess"/>: the process started here only holds the connection file, the
/// server it describes is this one.
/// </summary>
internal sealed class EchoKernel : IDisposable
{
    private const string Key = "echo-secret";

    private readonly KernelProcess _connection;
    private readonly KernelServer _server;
    private readonly Thread _serving;

    public EchoKernel()
    {
        _connection = KernelProcess.StartFromArgv(["sleep", "600", "{connection_file}"], Key);
        _server = new KernelServer(CSharpKernel.Server.ConnectionInfo.Load(_connection.ConnectionFile), () => Interpreter);
        _serving = new Thread(_server.Serve) { IsBackground = true, Name = "echo server" };
        _serving.Start();
        Client = new KernelClient(_connection);
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
        _connection.Dispose();
    }
}
