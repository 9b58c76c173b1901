namespace CSharpKernel.Execution;

/// <summary>A compiler error placed where the user wrote it: 1-based line and column within the cell.</summary>
internal sealed record CellDiagnostic(int Line, int Column, string Id, string Message);
