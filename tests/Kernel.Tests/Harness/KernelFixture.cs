namespace CSharpKernel.Tests.Harness;

/// <summary>A kernel and a connected, ready client, shared by the tests of one fixture.</summary>
public abstract class KernelFixture
{
    protected KernelProcess Kernel { get; private set; } = null!;
    protected KernelClient Client { get; private set; } = null!;

    protected virtual string Key => "fixture-secret";

    /// <summary>Extra environment variables for the kernel process.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Environment => null;

    [OneTimeSetUp]
    public void StartKernel()
    {
        Kernel = KernelProcess.Start(Key, Environment);
        Client = new KernelClient(Kernel);
        Client.WaitForReady();
    }

    [OneTimeTearDown]
    public void StopKernel()
    {
        Client.Dispose();
        Kernel.Dispose();
    }
}
