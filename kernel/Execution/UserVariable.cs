namespace CSharpKernel.Execution;

/// <summary>A variable a cell declared, as it stands now.</summary>
internal sealed record UserVariable(string Name, Type Type, object? Value);
