using System.Reflection;

namespace CSharpKernel.Execution;

/// <summary>A top-level variable of a submission in the chain: a field of its submission object.</summary>
internal sealed class ChainVariable(object submission, FieldInfo member)
{
    public string Name => member.Name;

    public Type Type => member.FieldType;

    /// <summary>Read from the live submission, so it is what the latest cell assigned; a const or readonly one cannot be set.</summary>
    public object? Value
    {
        get => member.GetValue(submission);
        set
        {
            if (member.IsInitOnly || member.IsLiteral)
                throw new InvalidOperationException($"{member.Name} is read-only.");
            member.SetValue(submission, value);
        }
    }
}
