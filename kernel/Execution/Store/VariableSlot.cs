using System.ComponentModel;

namespace CSharpKernel.Execution;

/// <summary>
/// Where one top-level variable lives, outside the cells' assemblies. Cells reach it through a
/// ref-returning accessor the kernel writes into them, so assignment, <c>ref</c>, <c>out</c>,
/// <c>++</c> and closures all see the one storage location, as they would a field.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class VariableSlot<T>
{
#pragma warning disable CA1051 // a field, so that accessors can return a reference to it
    public T Value = default!;
#pragma warning restore CA1051
}
