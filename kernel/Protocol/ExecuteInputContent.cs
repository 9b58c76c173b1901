namespace CSharpKernel.Protocol;

internal sealed record ExecuteInputContent(string Code, int ExecutionCount);
