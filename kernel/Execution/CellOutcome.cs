namespace CSharpKernel.Execution;

/// <summary>What one cell produced: a value, nothing, or an error with a user-facing traceback.</summary>
public sealed record CellOutcome
{
    public bool HasValue { get; init; }
    public object? Value { get; init; }
    public CellError? Error { get; init; }

    public bool Succeeded => Error is null;

    public static CellOutcome Nothing { get; } = new();
    public static CellOutcome WithValue(object? value) => new() { HasValue = true, Value = value };
    public static CellOutcome Failed(CellError error) => new() { Error = error };
}
