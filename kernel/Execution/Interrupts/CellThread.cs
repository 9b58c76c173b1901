using System.Collections.Concurrent;

namespace CSharpKernel.Execution;

/// <summary>
/// The thread user code runs on. Its stack is large, so deep recursion has room before the
/// checkpoint guard refuses it. While it runs user code it can be woken from a blocking wait
/// (Thread.Interrupt); when it never comes back, it is given up and the next cell gets a new
/// thread, so a stuck thread is never reused. The work runs in the execution context of the
/// thread that handed it over: the cell's <see cref="CellContext"/> flows onto the cell thread and
/// on into everything the cell starts.
/// </summary>
internal sealed class CellThread
{
    private const int StackSize = 256 * 1024 * 1024;

    private readonly Lock _lock = new();
    private Worker? _worker;
    private int _generation;

    /// <summary>Runs the work on the cell thread; the task ends when the work returns.</summary>
    public Task<T> Run<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var context = ExecutionContext.Capture();
        Current().Post(() =>
        {
            if (context is null)
                RunInto(done, work);
            else
                ExecutionContext.Run(context, _ => RunInto(done, work), null);
        });
        return done.Task;
    }

    private static void RunInto<T>(TaskCompletionSource<T> done, Func<T> work)
    {
        try
        {
            done.SetResult(work());
        }
        catch (Exception exception)
        {
            done.SetException(exception);
        }
    }

    /// <summary>Wakes the thread from Sleep, Join, Monitor.Wait or WaitHandle waits, if it runs user code now.</summary>
    public void Interrupt()
    {
        lock (_lock)
            _worker?.InterruptIfBusy();
    }

    /// <summary>Gives up the current thread, busy with work that does not return; the next Run starts another.</summary>
    public void Abandon()
    {
        lock (_lock)
        {
            _worker?.Retire();
            _worker = null;
        }
    }

    private Worker Current()
    {
        lock (_lock)
            return _worker ??= new Worker(++_generation);
    }

    private sealed class Worker
    {
        private readonly BlockingCollection<Action> _work = new();
        private readonly Thread _thread;
        private readonly Lock _lock = new();
        private bool _busy;

        public Worker(int generation)
        {
            _thread = new Thread(Loop, StackSize) { IsBackground = true, Name = $"cell-{generation}" };
            _thread.Start();
        }

        public void Post(Action work) => _work.Add(work);

        public void InterruptIfBusy()
        {
            lock (_lock)
            {
                if (_busy)
                    _thread.Interrupt();
            }
        }

        /// <summary>No more work; the thread ends if the work it is stuck in ever returns.</summary>
        public void Retire() => _work.CompleteAdding();

        private void Loop()
        {
            Checkpoint.RegisterCellThread(StackSize);
            // Not a foreach over the consuming enumerable: its enumerator holds the last item while it
            // waits for the next, and with it the last cell's closure and everything that reaches (after
            // %reset, the whole dropped chain) until another cell runs.
            Action? work;
            while (_work.TryTake(out work, Timeout.Infinite))
            {
                lock (_lock)
                    _busy = true;
                try
                {
                    work();
                }
                finally
                {
                    work = null;
                    BecomeIdle();
                }
            }
        }

        /// <summary>
        /// Once idle, no interrupt is sent to the thread any more. Taking the lock can itself be
        /// woken by an interrupt sent just before (it then was not taken, and is taken again).
        /// </summary>
        private void BecomeIdle()
        {
            while (true)
            {
                try
                {
                    lock (_lock)
                        _busy = false;
                    break;
                }
                catch (ThreadInterruptedException)
                {
                }
            }
            ClearPendingInterrupt();
        }

        /// <summary>
        /// An interrupt that came after the last wait of the work is still pending on the thread;
        /// left there, it would throw out of the next wait, in the kernel or in the next cell.
        /// </summary>
        private static void ClearPendingInterrupt()
        {
            try
            {
                Thread.Sleep(0);
            }
            catch (ThreadInterruptedException)
            {
            }
        }
    }
}
