using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution;

/// <summary>The top-level variables of one script state by name, the latest declaration of each name winning.</summary>
internal sealed class VariableIndex
{
    private readonly Dictionary<string, ScriptVariable> _byName = new(StringComparer.Ordinal);

    public VariableIndex(ScriptState<object>? state)
    {
        State = state;
        foreach (var variable in state?.Variables ?? [])
            _byName[variable.Name] = variable;
    }

    public static VariableIndex Empty { get; } = new(null);

    public ScriptState<object>? State { get; }

    public bool TryGet(string name, out ScriptVariable variable) => _byName.TryGetValue(name, out variable!);
}
