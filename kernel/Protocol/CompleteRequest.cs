namespace CSharpKernel.Protocol;

public sealed record CompleteRequest
{
    public string Code { get; set; } = "";
    public int CursorPos { get; set; }
}
