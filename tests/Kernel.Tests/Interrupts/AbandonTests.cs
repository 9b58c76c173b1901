using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Interrupts;

/// <summary>
/// A cell stuck where neither checkpoints nor Thread.Interrupt reach (a blocking socket read in
/// native code) is abandoned after the grace period: the user is told, the kernel goes on with
/// a new thread, and everything from before is still there.
/// </summary>
public sealed class AbandonTests : KernelFixture
{
    private const int GraceMilliseconds = 300;

    private const string StuckInNativeCode = """
                                             var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
                                             listener.Start();
                                             var connection = new System.Net.Sockets.TcpClient();
                                             connection.Connect((System.Net.IPEndPoint)listener.LocalEndpoint);
                                             Console.WriteLine("ready");
                                             connection.GetStream().ReadByte();
                                             """;

    protected override IReadOnlyDictionary<string, string>? Environment =>
        new Dictionary<string, string> { ["CSHARP_KERNEL_INTERRUPT_GRACE_MS"] = GraceMilliseconds.ToString() };

    [OneTimeSetUp]
    public void DeclareASurvivor() =>
        Assert.That(Client.Execute("var survivor = 41;\nvar firstThread = Environment.CurrentManagedThreadId;").Status, Is.EqualTo("ok"));

    [Test]
    public void A_cell_stuck_in_native_code_is_abandoned_with_a_warning_and_the_kernel_goes_on()
    {
        var run = InterruptedRun.Start(Client, StuckInNativeCode, SendInterrupt);
        InterruptAssertions.StoppedWithStateIntact(Client, run);
        Assert.That(run.Evalue, Does.Contain("abandoned").And.Contain($"{GraceMilliseconds} ms"));
        Assert.That(Client.Execute("Environment.CurrentManagedThreadId != firstThread").Result, Is.EqualTo("true"),
            "the stuck thread is not reused");

        var again = InterruptedRun.Start(Client, "Console.WriteLine(\"ready\");\nThread.Sleep(60000);", SendInterrupt);
        InterruptAssertions.StoppedWithStateIntact(Client, again);
        Assert.That(again.Evalue, Does.Not.Contain("abandoned"), "the new thread is woken like the first");
    }

    private static void SendInterrupt(KernelClient client) =>
        Assert.That(client.Request("interrupt_request", new JsonObject(), channel: "control").Str("status"), Is.EqualTo("ok"));
}
