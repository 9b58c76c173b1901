namespace CSharpKernel.Protocol;

internal sealed record CommOpenContent
{
    public string CommId { get; set; } = "";
    public string TargetName { get; set; } = "";
}
