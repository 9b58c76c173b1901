using System.Collections.Immutable;

namespace CSharpKernel.Execution;

/// <summary>
/// The top-level variables of cells that declare nothing else, held here instead of as fields of
/// their submissions, so those cells stay off the chain. The latest declaration of a name wins:
/// a stored variable hides chain members of its name declared before it, and is hidden by those
/// declared after it (each cell's declarations are numbered as it runs). A declaration takes a new
/// slot, so closures over an earlier one keep theirs. Reads come from any thread; only the
/// executor declares.
/// </summary>
internal sealed class VariableStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, StoredVariable> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _chainDeclared = new(StringComparer.Ordinal);
    // Slots by id - _firstId; a null entry is a reserved id whose slot its cell has not made yet.
    private volatile object?[] _slots = [];
    private int _firstId = 1;
    private int _nextId = 1;
    private long _position;
    // Texts that declare the stored variables for the language services, each after this many chain texts.
    private ImmutableList<(int After, string Text)> _mirror = [];
    // The last merge, asked for at every keystroke's completion: merged again only when a cell changed either list.
    private volatile MergedMirror? _merged;

    /// <summary>A new slot's id, for a cell about to be compiled; unused if the cell never runs.</summary>
    public int Reserve()
    {
        lock (_gate)
        {
            var id = _nextId++;
            var slots = _slots;
            if (id - _firstId >= slots.Length)
            {
                Array.Resize(ref slots, Math.Max(16, slots.Length * 2));
                _slots = slots;
            }
            return id;
        }
    }

    /// <summary>
    /// The slot of a reserved id, made on first use. A slot of another type, or an id the kernel
    /// never reserved (or that a reset dropped), throws: a forged id never reinterprets a value.
    /// </summary>
    public VariableSlot<T> Slot<T>(int id)
    {
        var slots = _slots;
        var index = id - Volatile.Read(ref _firstId);
        if ((uint)index < (uint)slots.Length && slots[index] is VariableSlot<T> slot)
            return slot;
        lock (_gate)
        {
            index = id - _firstId;
            if (id >= _nextId || id < 1)
                throw new KeyNotFoundException($"No variable has the slot {id}.");
            // Fields of the old chain lived on in closures that held their submission; slots go, so their memory comes back.
            if (index < 0)
                throw new InvalidOperationException("This variable was cleared by %reset: code from before the reset can no longer use it.");
            slots = _slots;
            slots[index] ??= new VariableSlot<T>();
            return slots[index] as VariableSlot<T>
                ?? throw new InvalidCastException($"The slot {id} holds a {slots[index]!.GetType().GetGenericArguments()[0]}, not a {typeof(T)}.");
        }
    }

    /// <summary>The stored variable a cell naming <paramref name="name"/> would mean now, if the latest declaration of the name is one.</summary>
    public StoredVariable? Visible(string name)
    {
        lock (_gate)
            return VisibleLocked(name);
    }

    /// <summary>
    /// A cell has run and stays: its stored variables become visible, and the chain members it
    /// declared hide stored variables of their names. <paramref name="chainTexts"/> is how many
    /// texts the chain has now; <paramref name="mirror"/> declares the stored variables for the language services.
    /// </summary>
    public void Commit(IReadOnlyList<StoredVariable> declared, IReadOnlyList<string> chainNames, int chainTexts, string? mirror)
    {
        if (declared.Count == 0 && chainNames.Count == 0)
            return;
        lock (_gate)
        {
            var position = ++_position;
            foreach (var name in chainNames)
                _chainDeclared[name] = position;
            foreach (var variable in declared)
                _variables[variable.Name] = variable with { Position = position };
            if (declared.Count > 0 && mirror is not null)
                _mirror = _mirror.Add((chainTexts, mirror));
        }
    }

    /// <summary>The chain's texts with the declarations of stored variables in their places.</summary>
    public IReadOnlyList<string> Mirror(ImmutableList<string> chainTexts)
    {
        var mirror = _mirror;
        if (mirror.IsEmpty)
            return chainTexts;
        if (_merged is { } last && last.Chain == chainTexts && last.Stored == mirror)
            return last.Texts;
        var merged = new List<string>(chainTexts.Count + mirror.Count);
        var next = 0;
        foreach (var (after, text) in mirror)
        {
            for (; next < after && next < chainTexts.Count; next++)
                merged.Add(chainTexts[next]);
            merged.Add(text);
        }
        for (; next < chainTexts.Count; next++)
            merged.Add(chainTexts[next]);
        _merged = new MergedMirror(chainTexts, mirror, merged);
        return merged;
    }

    private sealed record MergedMirror(ImmutableList<string> Chain, ImmutableList<(int After, string Text)> Stored, IReadOnlyList<string> Texts);

    /// <summary>The value of a visible stored variable, and its static type.</summary>
    public bool TryRead(string name, out object? value, out Type? type)
    {
        value = null;
        type = null;
        StoredVariable? variable;
        lock (_gate)
            variable = VisibleLocked(name);
        if (variable is null || Read(variable) is not { } slot)
            return false;
        (value, type) = slot;
        return true;
    }

    /// <summary>Every visible stored variable with its value and static type, in declaration order.</summary>
    public IReadOnlyList<UserVariable> Variables()
    {
        List<StoredVariable> visible;
        lock (_gate)
            visible = [.. _variables.Values.Where(v => VisibleLocked(v.Name) == v).OrderBy(v => v.Position).ThenBy(v => v.Id)];
        return [.. visible.Select(v => (v, slot: Read(v))).Where(p => p.slot is not null).Select(p => new UserVariable(p.v.Name, p.slot!.Value.Type, p.slot.Value.Value))];
    }

    /// <summary>A reset: every variable goes, and ids from before it are refused from now on.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _variables.Clear();
            _chainDeclared.Clear();
            _mirror = [];
            _slots = [];
            Volatile.Write(ref _firstId, _nextId);
        }
    }

    private StoredVariable? VisibleLocked(string name) =>
        _variables.TryGetValue(name, out var variable) && (!_chainDeclared.TryGetValue(name, out var chain) || chain < variable.Position)
            ? variable
            : null;

    private (object? Value, Type Type)? Read(StoredVariable variable)
    {
        var slots = _slots;
        var index = variable.Id - Volatile.Read(ref _firstId);
        if ((uint)index >= (uint)slots.Length || slots[index] is not { } slot)
            return null;
        var field = slot.GetType().GetField(nameof(VariableSlot<object>.Value))!;
        return (field.GetValue(slot), slot.GetType().GetGenericArguments()[0]);
    }
}
