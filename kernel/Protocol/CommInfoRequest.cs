namespace CSharpKernel.Protocol;

public sealed record CommInfoRequest
{
    public string? TargetName { get; set; }
}
