using System.Globalization;

namespace CSharpKernel.Wire;

/// <summary>
/// Remembers the signatures already accepted so that a captured message cannot be replayed.
/// Bounded: the oldest signatures are forgotten first, as jupyter_client's Session culls its set.
/// A signature is kept as the first 128 bits of its HMAC, not as its hex text: a guessed collision
/// is as hard as forging a 128-bit tag, and the set costs 16 bytes an entry instead of a
/// 64-character string's ~150, which a session that completes at every keystroke paid per message.
/// </summary>
internal sealed class ReplayGuard
{
    private const int KeptHexDigits = 32;

    private readonly int _capacity;
    private readonly HashSet<UInt128> _seen = [];
    private readonly Queue<UInt128> _order = new();
    private readonly Lock _lock = new();

    public ReplayGuard(int capacity = 100_000) => _capacity = capacity;

    /// <summary>True the first time a verified signature (hex digits, as on the wire) is seen; false for a replay.</summary>
    public bool TryRecord(ReadOnlySpan<byte> signature)
    {
        if (signature.Length < KeptHexDigits
            || !UInt128.TryParse(signature[..KeptHexDigits], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var tag))
            return false;
        lock (_lock)
        {
            if (!_seen.Add(tag))
                return false;
            _order.Enqueue(tag);
            if (_order.Count > _capacity)
                _seen.Remove(_order.Dequeue());
            return true;
        }
    }
}
