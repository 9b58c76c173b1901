namespace CSharpKernel.Protocol;

public sealed record CompleteRequest
{
    public string Code { get; init; } = "";
    public int CursorPos { get; init; }
}
