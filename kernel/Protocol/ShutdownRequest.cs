namespace CSharpKernel.Protocol;

internal sealed record ShutdownRequest
{
    public bool Restart { get; set; }
}
