using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using CSharpKernel.Client;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Benchmarks;

/// <summary>
/// How long after the interrupt the interrupted cell's execute_reply arrives, per kind of stuck
/// code, measured as a real client: the clock starts when the cell has printed "ready" and the
/// interrupt is sent, and stops when the reply is received.
/// </summary>
internal static class InterruptLatency
{
    private const int Sigint = 2;

    private const string Ready = "Console.WriteLine(\"ready\");\n";

    private static readonly (string Name, string Code, bool AllowStdin)[] Cases =
    [
        ("while (true) { }", "while (true) { }", false),
        ("for (;;) x++;", "var x = 0L;\nfor (;;) x++;", false),
        ("runaway recursion F(80)", "long F(int n) => n <= 0 ? 1 : F(n - 1) + F(n - 1);\nF(80)", false),
        ("Thread.Sleep(60000)", "Thread.Sleep(60000);", false),
        ("task.Wait() never completes", "new TaskCompletionSource().Task.Wait();", false),
        ("Monitor.Wait", "var gate = new object();\nlock (gate) { Monitor.Wait(gate); }", false),
        ("Console.ReadLine (no answer)", "Console.ReadLine();", true),
        ("await Task.Delay(60000)", "await Task.Delay(60000);", false),
        ("await never-completing task", "await new TaskCompletionSource().Task;", false),
        ("worker observing the token", "var token = Kernel.CancellationToken;\nvar worker = Task.Run(() => { token.WaitHandle.WaitOne(); token.ThrowIfCancellationRequested(); });\nawait worker;", false),
    ];

    private const string StuckInNativeCode = """
                                             var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
                                             listener.Start();
                                             var connection = new System.Net.Sockets.TcpClient();
                                             connection.Connect((System.Net.IPEndPoint)listener.LocalEndpoint);
                                             Console.WriteLine("ready");
                                             connection.GetStream().ReadByte();
                                             """;

    public static void Run(int runs)
    {
        Console.WriteLine($"interrupt -> execute_reply latency, ms, {runs} runs per case, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"case",-52} {"median",8} {"p95",8} {"min",8} {"max",8} {"count",6}");
        using (var kernel = KernelProcess.Start("bench"))
        using (var client = new KernelClient(kernel))
        {
            client.WaitForReady();
            client.Execute("Console.WriteLine(\"warm\");");
            foreach (var (name, code, allowStdin) in Cases)
                Report(name, Measure(client, Ready + code, allowStdin, runs, SendInterruptRequest));
            Report("SIGINT: while (true) { }", Measure(client, Ready + "while (true) { }", false, runs, SendSigint));
            Report("SIGINT: Thread.Sleep(60000)", Measure(client, Ready + "Thread.Sleep(60000);", false, runs, SendSigint));
            Report("error reply for G(n) => G(n + 1) + 1 (no interrupt)", TimeToReply(client, "int G(int n) => G(n + 1) + 1;\nG(0)", runs));
        }

        const int grace = 200;
        var environment = new Dictionary<string, string> { ["CSHARP_KERNEL_INTERRUPT_GRACE_MS"] = grace.ToString() };
        using (var kernel = KernelProcess.Start("bench", environment))
        using (var client = new KernelClient(kernel))
        {
            client.WaitForReady();
            Report($"abandoned native read (grace {grace} ms)", Measure(client, StuckInNativeCode, false, runs, SendInterruptRequest));
        }
    }

    private static void Report(string name, Summary summary) => Console.WriteLine($"{name,-52} {summary}");

    private static Summary Measure(KernelClient client, string code, bool allowStdin, int runs, Func<KernelClient, string?> interrupt)
    {
        var timings = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var id = client.SendExecute(code, allowStdin: allowStdin);
            _ = client.TryReceiveFor("iopub", m => m.ParentMsgId == id && m.MsgType == "stream" && m.Str("text").Contains("ready"),
                    KernelClient.DefaultTimeout)
                ?? throw new TimeoutException("the cell never got ready\n" + client.Kernel!.Stderr);
            var clock = Stopwatch.StartNew();
            var interruptId = interrupt(client);
            var reply = client.WaitForReply("shell", id, KernelClient.DefaultTimeout);
            timings.Add(clock.Elapsed.TotalMilliseconds);
            if (reply.Str("status") != "error")
                throw new InvalidOperationException($"the cell was not interrupted: {reply}");
            client.IopubUntilIdle(id);
            if (interruptId is not null)
                client.WaitForReply("control", interruptId, KernelClient.DefaultTimeout);
            DrainStdin(client);
        }
        return Summary.Of(timings);
    }

    private static Summary TimeToReply(KernelClient client, string code, int runs)
    {
        var timings = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var result = client.Execute(code);
            timings.Add(clock.Elapsed.TotalMilliseconds);
            if (result.Status != "error")
                throw new InvalidOperationException($"expected an error: {result}");
        }
        return Summary.Of(timings);
    }

    private static string? SendInterruptRequest(KernelClient client) => client.Send("control", "interrupt_request", new JsonObject());

    /// <summary>Straight through libc, so that the clock does not include starting a kill process.</summary>
    private static string? SendSigint(KernelClient client)
    {
        if (Kill(client.Kernel!.Process.Id, Sigint) != 0)
            throw new InvalidOperationException($"kill failed: errno {Marshal.GetLastPInvokeError()}");
        return null;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static void DrainStdin(KernelClient client)
    {
        while (client.TryReceive("stdin", TimeSpan.Zero) is not null)
        {
        }
    }
}
