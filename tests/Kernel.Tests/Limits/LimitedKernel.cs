using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Limits;

/// <summary>
/// A kernel at the standard level with small limits set through the environment, as kernel.json
/// sets them: a 256 MiB heap, 3 s per cell, 64 KiB of output per cell. Each fixture declares
/// <c>survivor = 41</c> first: a limit that stops a cell must leave it there.
/// </summary>
public abstract class LimitedKernel : KernelFixture
{
    public const int MemoryMegabytes = 256;
    public const int TimeSeconds = 3;
    public const int OutputKilobytes = 64;

    protected override IReadOnlyDictionary<string, string>? Environment => new Dictionary<string, string>
    {
        ["CSHARP_KERNEL_POLICY"] = "standard",
        ["CSHARP_KERNEL_MEMORY_LIMIT_MB"] = MemoryMegabytes.ToString(),
        ["CSHARP_KERNEL_TIME_LIMIT_S"] = TimeSeconds.ToString(),
        ["CSHARP_KERNEL_OUTPUT_LIMIT_KB"] = OutputKilobytes.ToString(),
    };

    /// <summary>A cell whose value is how the task ended, waiting for it (not past 20 s): "stopped" at a checkpoint, another exception's name, or "still running".</summary>
    public static string HowItEnded(string task) =>
        $"string HowItEnded() {{ try {{ {task}.Wait(TimeSpan.FromSeconds(20)); return \"still running\"; }} catch (AggregateException e) {{ return e.InnerException is OperationCanceledException ? \"stopped\" : e.InnerException!.GetType().Name; }} }}\nHowItEnded()";

    [OneTimeSetUp]
    public void DeclareASurvivor() => Assert.That(Client.Execute("var survivor = 41;").Status, Is.EqualTo("ok"));

    /// <summary>The kernel still answers, with the state from before the cell that hit the limit.</summary>
    private protected void AssertStateKept()
    {
        var next = Client.Execute("survivor + 1");
        Assert.That(next.Result, Is.EqualTo("42"), "the next cell runs, with the variables from before: " + next);
        Assert.That(Client.IsAlive(TimeSpan.FromSeconds(10)), Is.True, "the heartbeat answers");
    }

    private protected static void AssertFailed(ExecutionResult run, string ename, params string[] evalueParts)
    {
        Assert.Multiple(() =>
        {
            Assert.That(run.Status, Is.EqualTo("error"), run.ToString());
            Assert.That(run.Reply.Str("ename"), Is.EqualTo(ename), run.ToString());
            Assert.That(run.Error?.Str("ename"), Is.EqualTo(ename), "the error is published on iopub too");
            foreach (var part in evalueParts)
                Assert.That(run.Reply.Str("evalue"), Does.Contain(part));
        });
    }
}
