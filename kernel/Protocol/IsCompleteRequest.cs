namespace CSharpKernel.Protocol;

public sealed record IsCompleteRequest
{
    public string Code { get; set; } = "";
}
