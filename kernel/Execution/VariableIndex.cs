namespace CSharpKernel.Execution;

/// <summary>The top-level variables of the chain by name, the latest declaration of each name winning.</summary>
internal sealed class VariableIndex
{
    private readonly Dictionary<string, ChainVariable> _byName = new(StringComparer.Ordinal);

    public VariableIndex(IReadOnlyList<ChainVariable>? variables)
    {
        State = variables;
        foreach (var variable in variables ?? [])
            _byName[variable.Name] = variable;
    }

    public static VariableIndex Empty { get; } = new(null);

    public IReadOnlyList<ChainVariable>? State { get; }

    public bool TryGet(string name, out ChainVariable variable) => _byName.TryGetValue(name, out variable!);
}
