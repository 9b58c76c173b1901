using System.Collections.ObjectModel;
using CSharpKernel.History;

namespace CSharpKernel.Execution;

/// <summary>
/// IPython's history for C#: <c>In[n]</c> is cell n's text, <c>Out[n]</c> its value, and <c>_</c>,
/// <c>__</c>, <c>___</c> the last three values. Each value also lives, with its static type, where
/// the kernel's substitute for <c>_</c> reads it: here, when the type can be written by name (a
/// later cell declares a typed accessor), else in a hidden script variable. Once <c>Out</c> and the
/// last three have both let go of a value, it is dropped here or its variable is handed back to be
/// cleared, so a long session holds at most a bounded number of results. It is the one writer of the history: the store that
/// history_request reads gets each counted cell from here, once, when the cell ends.
/// </summary>
internal sealed class CellHistory
{
    private const int Underscores = 3;

    private readonly int _outLimit;
    private readonly HistoryStore? _store;
    private readonly Dictionary<int, string> _in = new();
    private readonly SortedDictionary<int, object?> _out = new();
    private readonly LinkedList<HistoryValue> _values = new();

    public CellHistory(int outLimit, HistoryStore? store = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outLimit);
        _outLimit = outLimit;
        _store = store;
        In = new ReadOnlyDictionary<int, string>(_in);
        Out = new ReadOnlyDictionary<int, object?>(_out);
    }

    public IReadOnlyDictionary<int, string> In { get; }
    public IReadOnlyDictionary<int, object?> Out { get; }

    /// <summary>The hidden variable that holds cell n's value.</summary>
    public static string VariableFor(int executionCount) => $"{ReservedNames.HiddenPrefix}out_{executionCount}";

    public void RecordInput(int executionCount, string code) => _in[executionCount] = code;

    /// <summary>
    /// Cell n has ended: its input, as recorded, and the text its value was shown as (null when it
    /// showed none) go to the store. The text is the execute_result's own, not a second formatting:
    /// formatting runs the user's code (ToString, formatters), which must run once.
    /// </summary>
    public void RecordEnd(int executionCount, string? output)
    {
        if (_store is not null && _in.TryGetValue(executionCount, out var input))
            _store.Record(executionCount, input, output);
    }

    /// <summary>The value behind <c>_</c> (1), <c>__</c> (2) or <c>___</c> (3), if that many values exist.</summary>
    public HistoryValue? At(int depth)
    {
        var node = _values.Last;
        for (var i = 1; i < depth && node is not null; i++)
            node = node.Previous;
        return node?.Value;
    }

    /// <summary>A value kept here, as its static type; the default once it was let go.</summary>
    public T StoredValue<T>(int executionCount)
    {
        for (var node = _values.Last; node is not null; node = node.Previous)
        {
            if (node.Value.Count != executionCount || node.Value.TypeName is null)
                continue;
            return node.Value.Value switch
            {
                T value => value,
                null => default!,
                var other => throw new InvalidCastException($"Out[{executionCount}] is a {other.GetType()}, not a {typeof(T)}."),
            };
        }
        return default!;
    }

    /// <summary>Depth of a history name: 1 for <c>_</c>, 2 for <c>__</c>, 3 for <c>___</c>, 0 for any other name.</summary>
    public static int DepthOf(string name) =>
        name.Length is >= 1 and <= Underscores && name.All(c => c == '_') ? name.Length : 0;

    /// <summary>
    /// Records cell n's value: kept here when its static type can be written by name
    /// (<paramref name="typeName"/>), else held by its hidden variable in the chain. Returns the
    /// hidden variables that nothing refers to any more.
    /// </summary>
    public IReadOnlyList<string> RecordValue(int executionCount, object value, string? typeName = null)
    {
        _out[executionCount] = value;
        _values.AddLast(new HistoryValue(executionCount, VariableFor(executionCount), typeName, typeName is null ? null : value));
        var released = new List<string>();
        while (_out.Count > _outLimit)
            _out.Remove(_out.Keys.First());
        while (_values.Count > Math.Max(Underscores, _outLimit))
        {
            if (_values.First!.Value.TypeName is null)
                released.Add(_values.First.Value.Variable);
            _values.RemoveFirst();
        }
        return released;
    }

    /// <summary>A reset forgets the values (their variables went with the old chain) but keeps the inputs.</summary>
    public void ClearValues()
    {
        _out.Clear();
        _values.Clear();
    }
}
