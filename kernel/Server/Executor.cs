using System.Collections.Concurrent;

namespace CSharpKernel.Server;

/// <summary>
/// The one thread that handles execute requests, one after another, in arrival order. An
/// interpreter that runs user code on a thread of its own (the C# one does) leaves this thread
/// free to send the reply, even for a cell it had to give up on.
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

    public void Dispose() => _work.CompleteAdding();

    private void Loop()
    {
        foreach (var work in _work.GetConsumingEnumerable())
            work();
    }
}
