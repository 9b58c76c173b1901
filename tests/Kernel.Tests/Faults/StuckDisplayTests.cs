using CSharpKernel.Tests.Harness;
using CSharpKernel.Tests.Interrupts;

namespace CSharpKernel.Tests.Faults;

/// <summary>
/// A value whose display is stuck where neither checkpoints nor Thread.Interrupt reach (its
/// ToString blocks on a socket read) is abandoned after the grace period, like a stuck cell:
/// formatting runs on the cell's thread, under its interrupt.
/// </summary>
public sealed class StuckDisplayTests : KernelFixture
{
    private const int GraceMilliseconds = 300;

    protected override IReadOnlyDictionary<string, string>? Environment =>
        new Dictionary<string, string> { ["CSHARP_KERNEL_INTERRUPT_GRACE_MS"] = GraceMilliseconds.ToString() };

    [OneTimeSetUp]
    public void DeclareASurvivor() =>
        Assert.That(Client.Execute("""
                                   var survivor = 41;
                                   class Blocked
                                   {
                                       public override string ToString()
                                       {
                                           var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
                                           listener.Start();
                                           var connection = new System.Net.Sockets.TcpClient();
                                           connection.Connect((System.Net.IPEndPoint)listener.LocalEndpoint);
                                           Console.WriteLine("ready");
                                           return connection.GetStream().ReadByte().ToString();
                                       }
                                   }
                                   """).Status, Is.EqualTo("ok"));

    [Test]
    public void A_display_stuck_in_native_code_is_abandoned_and_the_kernel_goes_on()
    {
        var run = InterruptedRun.Start(Client, "new Blocked()", ControlRequests.Interrupt);
        InterruptAssertions.StoppedWithStateIntact(Client, run);
        Assert.That(run.Evalue, Does.Contain("abandoned"));
    }
}
