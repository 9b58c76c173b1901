namespace CSharpKernel.Execution;

/// <summary>A top-level variable kept in the store: its slot, its static type written by name, and when it was declared.</summary>
internal sealed record StoredVariable(string Name, int Id, string TypeName, long Position)
{
    /// <summary>The property a cell declares, on one line, to use the variable as if it were a field.</summary>
    public string Accessor => $"ref {TypeName} {Name} => ref {ReservedNames.Store}.Slot<{TypeName}>({Id}).Value; ";

    /// <summary>The statement that makes the slot before the declaring cell's own statements run.</summary>
    public string Creation => $"{ReservedNames.Store}.Slot<{TypeName}>({Id}); ";
}
