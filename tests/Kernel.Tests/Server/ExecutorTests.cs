using System.Collections.Concurrent;
using CSharpKernel.Server;

namespace CSharpKernel.Tests.Server;

public sealed class ExecutorTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Test]
    public void Work_for_when_idle_waits_for_every_request_queued_meanwhile()
    {
        using var executor = new Executor();
        using var release = new ManualResetEventSlim();
        var order = new ConcurrentQueue<string>();
        using var done = new CountdownEvent(4);
        executor.Post(() =>
        {
            release.Wait(Timeout);
            order.Enqueue("cell 1");
            done.Signal();
        });
        executor.PostWhenIdle(() =>
        {
            order.Enqueue("warm-up");
            done.Signal();
        });
        executor.Post(() =>
        {
            order.Enqueue("cell 2");
            done.Signal();
        });
        executor.Post(() =>
        {
            order.Enqueue("cell 3");
            done.Signal();
        });
        release.Set();

        Assert.That(done.Wait(Timeout), Is.True, "every item ran");
        Assert.That(order, Is.EqualTo(new[] { "cell 1", "cell 2", "cell 3", "warm-up" }));
    }

    [Test]
    public void Work_for_when_idle_runs_at_once_on_an_idle_executor()
    {
        using var executor = new Executor();
        using var ran = new ManualResetEventSlim();
        executor.PostWhenIdle(ran.Set);
        Assert.That(ran.Wait(Timeout), Is.True);
    }
}
