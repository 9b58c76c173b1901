namespace CSharpKernel.Protocol;

internal sealed record ClearOutputContent(bool Wait);
