using System.Diagnostics;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Interrupts;

/// <summary>SIGINT, as a terminal's Ctrl+C or a client with interrupt_mode signal sends it, interrupts like the message.</summary>
public sealed class SignalInterruptTests : KernelFixture
{
    [OneTimeSetUp]
    public void DeclareASurvivor() => Assert.That(Client.Execute("var survivor = 41;").Status, Is.EqualTo("ok"));

    [Test]
    public void Sigint_stops_a_tight_loop() => AssertInterruptedBySignal("while (true) { }");

    [Test]
    public void Sigint_wakes_thread_sleep() => AssertInterruptedBySignal("Thread.Sleep(60000);");

    [Test]
    public void Sigint_leaves_an_await_behind() => AssertInterruptedBySignal("await Task.Delay(60000);");

    [Test]
    public void Sigint_while_idle_does_not_end_the_kernel()
    {
        SendSigint(Client);
        // A signal is handled when the runtime's signal thread gets to it; the kernel logs it then.
        Assert.That(Kernel.WaitForStderr("SIGINT: no cell is running", KernelClient.DefaultTimeout), Is.True, Kernel.Stderr);
        Assert.That(Client.Execute("survivor + 1").Result, Is.EqualTo("42"));
    }

    private void AssertInterruptedBySignal(string code)
    {
        var run = InterruptedRun.Start(Client, $"Console.WriteLine(\"{InterruptedRun.ReadyMarker}\");\n{code}", SendSigint);
        InterruptAssertions.StoppedWithStateIntact(Client, run);
    }

    private static void SendSigint(KernelClient client)
    {
        using var kill = Process.Start("kill", ["-INT", client.Kernel!.Process.Id.ToString()]);
        kill.WaitForExit();
        Assert.That(kill.ExitCode, Is.Zero);
    }
}
