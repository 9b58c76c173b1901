namespace CSharpKernel.Execution;

/// <summary>How a cell's code ended: its value, or the exception it threw (what it assigned before stays).</summary>
internal sealed record CellResult(object? Value, Exception? Exception);
