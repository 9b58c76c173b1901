namespace CSharpKernel.Protocol;

public sealed record CommOpenContent
{
    public string CommId { get; set; } = "";
    public string TargetName { get; set; } = "";
}
