namespace CSharpKernel.Protocol;

internal sealed record StatusContent(string ExecutionState);
