namespace CSharpKernel.Protocol;

public sealed record InputReply
{
    public string Value { get; set; } = "";
}
