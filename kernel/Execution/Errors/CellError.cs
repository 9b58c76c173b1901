namespace CSharpKernel.Execution;

/// <summary>An error as the protocol reports it: a name, a message and traceback lines.</summary>
internal sealed record CellError(string Ename, string Evalue, IReadOnlyList<string> Traceback);
