namespace CSharpKernel.Protocol;

public sealed record CommInfoReply
{
    public string Status { get; init; } = ReplyStatus.Ok;
    public Dictionary<string, CommInfo> Comms { get; init; } = [];
}
