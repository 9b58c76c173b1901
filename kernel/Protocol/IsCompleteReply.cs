namespace CSharpKernel.Protocol;

internal sealed record IsCompleteReply
{
    public required string Status { get; init; }
    public string? Indent { get; init; }
}
