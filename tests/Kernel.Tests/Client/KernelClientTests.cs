using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Client;

public sealed class KernelClientTests
{
    [Test]
    public void Shutdown_ends_the_kernel_and_its_heartbeat_falls_silent()
    {
        using var kernel = KernelProcess.Start("client-key");
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        Assert.That(client.IsAlive(KernelClient.DefaultTimeout), Is.True, "a running kernel echoes the ping");

        client.Shutdown(KernelClient.DefaultTimeout);

        Assert.That(kernel.Process.HasExited, Is.True, "the kernel exited on shutdown_request, within the grace\n" + kernel.Stderr);
        Assert.That(kernel.Process.ExitCode, Is.Zero, "it was not killed\n" + kernel.Stderr);
        Assert.That(client.IsAlive(TimeSpan.FromMilliseconds(500)), Is.False, "nobody answers the heartbeat of an ended kernel");
    }
}
