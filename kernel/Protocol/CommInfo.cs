namespace CSharpKernel.Protocol;

internal sealed record CommInfo(string TargetName);
