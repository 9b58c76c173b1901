namespace CSharpKernel.Protocol;

internal sealed record CommInfoRequest
{
    public string? TargetName { get; set; }
}
