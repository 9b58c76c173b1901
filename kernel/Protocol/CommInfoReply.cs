namespace CSharpKernel.Protocol;

internal sealed record CommInfoReply
{
    public string Status { get; init; } = ReplyStatus.Ok;
    public Dictionary<string, CommInfo> Comms { get; init; } = [];
}
