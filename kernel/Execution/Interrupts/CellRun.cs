namespace CSharpKernel.Execution;

/// <summary>How a run on the cell thread ended: with the value its task produced, or with an error for the user.</summary>
internal sealed record CellRun<T>(T? Value, CellError? Error)
    where T : class
{
    public static CellRun<T> Completed(T value) => new(value, null);
    public static CellRun<T> Failed(CellError error) => new(null, error);
}
