namespace CSharpKernel.Protocol;

public sealed record InterruptReply
{
    public string Status { get; init; } = ReplyStatus.Ok;
}
