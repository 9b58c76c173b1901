namespace CSharpKernel.Tests.Client;

public sealed class ConnectionInfoTests
{
    /// <summary>
    /// A port the system hands out for port 0 is an ephemeral one, which any outgoing connection may
    /// take before the kernel binds it; the client, the CLI and the tests all choose below that range.
    /// </summary>
    [Test]
    public void Tcp_ports_are_distinct_free_and_below_the_range_outgoing_connections_draw_from()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        if (!File.Exists(range))
            Assert.Ignore("the ephemeral range is read from Linux's /proc");
        var ephemeralFrom = int.Parse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0]);

        var ports = Enumerable.Range(0, 3)
            .Select(_ => LoopbackConnection.Loopback("key", "csharp"))
            .SelectMany(c => new[] { "shell", "iopub", "stdin", "control", "hb" }.Select(channel => c[channel + "_port"]!.GetValue<int>()))
            .ToList();

        Assert.That(ports, Is.Unique, "no port is handed out twice, within a kernel or across kernels");
        Assert.That(ports, Has.All.LessThan(ephemeralFrom), $"the ephemeral range starts at {ephemeralFrom}");
        Assert.That(ports.Where(Bound), Is.Empty, "ports somebody holds");
    }

    [Test]
    public void Endpoints_follow_the_transport()
    {
        var tcp = LoopbackConnection.Loopback("key", "csharp");
        var ipc = LoopbackConnection.Loopback("key", "csharp", "ipc");

        Assert.That(LoopbackConnection.Endpoint(tcp, "hb"), Is.EqualTo($"tcp://127.0.0.1:{tcp["hb_port"]}"));
        Assert.That(LoopbackConnection.Endpoint(ipc, "shell"), Is.EqualTo($"ipc://{ipc["ip"]}-1"));
    }

    private static bool Bound(int port)
    {
        try
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return true;
        }
    }
}
