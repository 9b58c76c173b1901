using System.Net;
using System.Net.Sockets;

namespace CSharpKernel.Client;

/// <summary>
/// Loopback ports for a connection file. A port the system hands out for a listener on port 0 is
/// from the ephemeral range, which every outgoing connection on the machine also draws from: in
/// the moment between choosing it and the kernel binding it, a client socket can take it
/// ("Address already in use"). Ports below that range are only ever taken by listeners, so one is
/// picked at random there, checked free by binding it, and never handed out twice by this process.
/// </summary>
internal static class FreePorts
{
    private const int Lowest = 20000;
    private const int BelowEphemeral = 32768;

    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            while (true)
            {
                var port = Random.Shared.Next(Lowest, BelowEphemeral);
                if (!Given.Contains(port) && IsFree(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
