using System.Diagnostics;

namespace CSharpKernel.Execution;

/// <summary>
/// Counts a cell's time against its limit: from the moment its code starts (compiling is not
/// counted), through its end and on for the work it started, except while the cell waits for
/// the user to answer an input request. When the time is up it calls back once, on a timer thread.
/// </summary>
internal sealed class CellClock : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private readonly Action _expired;
    private TimeSpan _used;
    private long _since;
    private bool _started;
    private int _pauses;
    private bool _done;

    public CellClock(TimeSpan limit, Action expired)
    {
        Limit = limit;
        _expired = expired;
        // The callback belongs to no cell: what it stops is named to it, not found from its context.
        using (ExecutionContext.SuppressFlow())
            _timer = new Timer(_ => Expire());
    }

    public TimeSpan Limit { get; }

    /// <summary>Starts counting, if it has not started yet.</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (_started || _done)
                return;
            _started = true;
            Resume();
        }
    }

    /// <summary>Stops counting until the returned scope ends: a wait for the user's answer is not the cell's time.</summary>
    public IDisposable Pause()
    {
        lock (_lock)
        {
            if (_pauses++ == 0 && _started && !_done)
            {
                _used += Stopwatch.GetElapsedTime(_since);
                _timer.Change(Timeout.Infinite, Timeout.Infinite);
            }
        }
        return new Resumer(this);
    }

    public void Dispose()
    {
        lock (_lock)
            _done = true;
        _timer.Dispose();
    }

    private void EndPause()
    {
        lock (_lock)
        {
            if (--_pauses == 0 && _started && !_done)
                Resume();
        }
    }

    private void Resume()
    {
        _since = Stopwatch.GetTimestamp();
        var left = Limit - _used;
        _timer.Change(left > TimeSpan.Zero ? left : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void Expire()
    {
        lock (_lock)
        {
            // A pause that began just as the timer fired: the time is not up yet.
            if (_done || _pauses > 0)
                return;
            _done = true;
        }
        _expired();
    }

    private sealed class Resumer(CellClock clock) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                clock.EndPause();
        }
    }
}
