using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Interrupts;

/// <summary>What every interrupt must leave behind, checked the same way for every case.</summary>
internal static class InterruptAssertions
{
    public const string InterruptedName = "KernelInterrupted";

    /// <summary>The fixture declared <c>survivor = 41</c> before; the next cell must still see it, and may sleep.</summary>
    public static void StoppedWithStateIntact(KernelClient client, InterruptedRun run)
    {
        Assert.Multiple(() =>
        {
            Assert.That(run.Interrupted.Status, Is.EqualTo("error"), run.Interrupted.ToString());
            Assert.That(run.Ename, Is.EqualTo(InterruptedName), run.Interrupted.ToString());
            Assert.That(run.Interrupted.Error?.Str("ename"), Is.EqualTo(InterruptedName), "the error is published on iopub too");
            Assert.That(run.OutputBeforeInterrupt, Does.Contain(InterruptedRun.ReadyMarker), "output from before the interrupt is kept");
            Assert.That(run.Queued.Status, Is.EqualTo("aborted"), "the cell queued behind is aborted");
            Assert.That(run.Queued.Stdout, Is.Empty);
        });
        var next = client.Execute("Thread.Sleep(20); survivor + 1");
        Assert.That(next.Result, Is.EqualTo("42"), "the next cell runs, with the variables from before: " + next);
    }
}
