using System.Diagnostics;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Protocol;

/// <summary>
/// The ipc transport as libzmq speaks it (Unix domain sockets), checked with jupyter_client itself,
/// since a NetMQ client cannot open a Unix socket.
/// </summary>
public sealed class IpcTransportTests
{
    private const string Script = """
        import sys
        from jupyter_client import BlockingKernelClient
        client = BlockingKernelClient(connection_file=sys.argv[1])
        client.load_connection_file()
        client.start_channels()
        client.wait_for_ready(timeout=30)
        outputs = []
        reply = client.execute_interactive("Console.WriteLine(\"over ipc\"); 6*7", timeout=30,
            output_hook=lambda m: outputs.append(m))
        print(reply["content"]["status"])
        for m in outputs:
            if m["msg_type"] == "stream": print("stream:" + m["content"]["text"].strip())
            if m["msg_type"] == "execute_result": print("result:" + m["content"]["data"]["text/plain"])
        print("heartbeat:" + str(client.is_alive()))
        client.shutdown()
        """;

    [Test]
    public void A_jupyter_client_runs_cells_over_unix_domain_sockets()
    {
        if (!File.Exists("/usr/bin/python3"))
            Assert.Ignore("Debian's python3 with jupyter_client is not installed");
        using var kernel = KernelProcess.Start("ipc-secret", transport: "ipc");
        var script = Path.Combine(Path.GetTempPath(), $"ipc-client-{Guid.NewGuid():N}.py");
        File.WriteAllText(script, Script);
        try
        {
            var start = new ProcessStartInfo("/usr/bin/python3", [script, kernel.ConnectionFile]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var python = Process.Start(start)!;
            var stderr = python.StandardError.ReadToEndAsync();
            var output = python.StandardOutput.ReadToEnd();
            Assert.That(python.WaitForExit(60_000), Is.True);
            Assert.That(output, Does.Contain("ok\n").And.Contain("stream:over ipc").And.Contain("result:42").And.Contain("heartbeat:True"),
                output + stderr.Result + kernel.Stderr);
            Assert.That(kernel.WaitForExit(TimeSpan.FromSeconds(15)), Is.True, "shut down over ipc");
            Assert.That(File.Exists(kernel.Connection["ip"]!.GetValue<string>() + "-1"), Is.False, "the socket files are removed");
        }
        finally
        {
            File.Delete(script);
        }
    }
}
