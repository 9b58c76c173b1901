using System.Collections.Concurrent;

namespace CSharpKernel.Execution;

/// <summary>
/// The one thread that runs cells, one after another, in arrival order. Its stack is large so
/// that deep user recursion has room before the stack guard turns it into an exception.
/// </summary>
public sealed class Executor : IDisposable
{
    private const int StackSize = 256 * 1024 * 1024;

    private readonly BlockingCollection<Action> _work = new();
    private readonly Thread _thread;

    public Executor()
    {
        _thread = new Thread(Loop, StackSize) { IsBackground = true, Name = "executor" };
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
