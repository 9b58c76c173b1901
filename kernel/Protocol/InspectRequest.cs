namespace CSharpKernel.Protocol;

internal sealed record InspectRequest
{
    public string Code { get; set; } = "";
    public int CursorPos { get; set; }
    public int DetailLevel { get; set; }
}
