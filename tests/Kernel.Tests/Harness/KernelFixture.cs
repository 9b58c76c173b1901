namespace CSharpKernel.Tests.Harness;

/// <summary>A kernel and a connected, ready client, shared by the tests of one fixture.</summary>
public abstract class KernelFixture
{
    private protected KernelProcess Kernel { get; private set; } = null!;
    private protected KernelClient Client { get; private set; } = null!;

    protected virtual string Key => "fixture-secret";

    /// <summary>Extra environment variables for the kernel process.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Environment => null;

    /// <summary>The kernel process's current directory, where relative #r and #load paths start.</summary>
    protected virtual string? WorkingDirectory => null;

    [OneTimeSetUp]
    public void StartKernel()
    {
        Kernel = KernelProcess.Start(Key, Environment, workingDirectory: WorkingDirectory);
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
