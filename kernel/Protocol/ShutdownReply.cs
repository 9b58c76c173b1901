namespace CSharpKernel.Protocol;

internal sealed record ShutdownReply
{
    public string Status { get; init; } = ReplyStatus.Ok;
    public bool Restart { get; init; }
}
