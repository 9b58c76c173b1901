namespace CSharpKernel.Protocol;

internal sealed record IsCompleteRequest
{
    public string Code { get; set; } = "";
}
