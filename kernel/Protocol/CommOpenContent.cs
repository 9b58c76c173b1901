namespace CSharpKernel.Protocol;

public sealed record CommOpenContent
{
    public string CommId { get; init; } = "";
    public string TargetName { get; init; } = "";
}
