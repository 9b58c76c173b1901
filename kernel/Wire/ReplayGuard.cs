namespace CSharpKernel.Wire;

/// <summary>
/// Remembers the signatures already accepted so that a captured message cannot be replayed.
/// Bounded: the oldest signatures are forgotten first, as jupyter_client's Session culls its set.
/// </summary>
internal sealed class ReplayGuard
{
    private readonly int _capacity;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public ReplayGuard(int capacity = 100_000) => _capacity = capacity;

    /// <summary>True the first time a signature is seen; false for a replay.</summary>
    public bool TryRecord(string signature)
    {
        lock (_lock)
        {
            if (!_seen.Add(signature))
                return false;
            _order.Enqueue(signature);
            if (_order.Count > _capacity)
                _seen.Remove(_order.Dequeue());
            return true;
        }
    }
}
