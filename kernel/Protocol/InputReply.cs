namespace CSharpKernel.Protocol;

internal sealed record InputReply
{
    public string Value { get; set; } = "";
}
