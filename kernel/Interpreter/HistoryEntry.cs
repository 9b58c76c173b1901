namespace CSharpKernel.Interpreter;

/// <summary>One stored cell: its session, its execution count there, its input and the text/plain of its result.</summary>
internal sealed record HistoryEntry(int Session, int Line, string Input, string? Output);
