namespace CSharpKernel.Protocol;

internal sealed record CompleteRequest
{
    public string Code { get; set; } = "";
    public int CursorPos { get; set; }
}
