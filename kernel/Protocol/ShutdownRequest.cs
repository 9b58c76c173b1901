namespace CSharpKernel.Protocol;

public sealed record ShutdownRequest
{
    public bool Restart { get; set; }
}
