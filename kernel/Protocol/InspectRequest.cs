namespace CSharpKernel.Protocol;

public sealed record InspectRequest
{
    public string Code { get; init; } = "";
    public int CursorPos { get; init; }
    public int DetailLevel { get; init; }
}
