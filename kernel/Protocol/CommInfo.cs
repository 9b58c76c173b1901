namespace CSharpKernel.Protocol;

public sealed record CommInfo(string TargetName);
