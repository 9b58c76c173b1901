namespace CSharpKernel.Protocol;

internal sealed record InterruptReply
{
    public string Status { get; init; } = ReplyStatus.Ok;
}
