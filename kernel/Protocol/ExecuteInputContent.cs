namespace CSharpKernel.Protocol;

public sealed record ExecuteInputContent(string Code, int ExecutionCount);
