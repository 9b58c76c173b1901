namespace CSharpKernel.Protocol;

public sealed record ErrorContent(string Ename, string Evalue, IReadOnlyList<string> Traceback);
