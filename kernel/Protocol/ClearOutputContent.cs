namespace CSharpKernel.Protocol;

public sealed record ClearOutputContent(bool Wait);
