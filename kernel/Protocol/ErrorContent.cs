namespace CSharpKernel.Protocol;

internal sealed record ErrorContent(string Ename, string Evalue, IReadOnlyList<string> Traceback);
