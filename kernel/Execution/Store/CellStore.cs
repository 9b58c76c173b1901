using System.ComponentModel;

namespace CSharpKernel.Execution;

/// <summary>
/// What cells keep outside the script chain, reached through a hidden member of the globals: the
/// history's values and the top-level variables of cells that declare nothing else. A later cell
/// reads one through an accessor the kernel writes at the top of that cell's own text (typed
/// there), so the cell that made it need not join the chain, whose every submission later cells
/// bind against and keep.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CellStore
{
    private readonly CellHistory _history;

    internal CellStore(CellHistory history) => _history = history;

    internal VariableStore Variables { get; } = new();

    /// <summary>
    /// Cell n's value as its static type <typeparamref name="T"/>; the type's default once the
    /// history has let it go. A value of another type throws rather than being reinterpreted.
    /// </summary>
    public T Out<T>(int executionCount) => _history.StoredValue<T>(executionCount);

    /// <summary>The slot of a stored variable; one of another type, or an id never handed out, throws.</summary>
    public VariableSlot<T> Slot<T>(int id) => Variables.Slot<T>(id);
}
