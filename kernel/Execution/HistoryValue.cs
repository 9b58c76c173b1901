namespace CSharpKernel.Execution;

/// <summary>
/// One value in the history, as a later cell names it: <see cref="Variable"/> replaces <c>_</c>.
/// With a <see cref="TypeName"/>, the value is kept by the history and the later cell declares
/// <see cref="Accessor"/> to read it; without one, it is a hidden variable in the chain.
/// </summary>
internal sealed record HistoryValue(int Count, string Variable, string? TypeName, object? Value)
{
    /// <summary>The property a cell declares, on one line, to read the stored value with its static type.</summary>
    public string? Accessor => TypeName is null ? null : $"{TypeName} {Variable} => {ReservedNames.Store}.Out<{TypeName}>({Count}); ";
}
