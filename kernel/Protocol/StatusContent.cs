namespace CSharpKernel.Protocol;

public sealed record StatusContent(string ExecutionState);
