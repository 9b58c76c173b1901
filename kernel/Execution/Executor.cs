using System.Collections.Concurrent;

namespace CSharpKernel.Execution;

/// <summary>
/// The one thread that handles execute requests, one after another, in arrival order. User code
/// does not run here but on the <see cref="CellThread"/>, so this thread is never stuck in it:
/// it can always send the reply, even for a cell it had to give up on.
/// </summary>
internal sealed class Executor : IDisposable
{
    private readonly BlockingCollection<Action> _work = new();
    private readonly Thread _thread;

    public Executor()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "executor" };
        _thread.Start();
    }

    public void Post(Action work) => _work.Add(work);

    /// <summary>Runs the work once nothing else is queued: after every request that arrives before it gets its turn.</summary>
    public void PostWhenIdle(Action work) => Post(() =>
    {
        if (_work.Count == 0)
            work();
        else if (!_work.IsAddingCompleted)
            PostWhenIdle(work);
    });

    public void Dispose() => _work.CompleteAdding();

    private void Loop()
    {
        foreach (var work in _work.GetConsumingEnumerable())
            work();
    }
}
