namespace CSharpKernel.Execution;

/// <summary>
/// Lets a cell that was left behind (interrupted while it awaited, or abandoned) go on without
/// being heard: its gate flows with its execution context into every continuation and thread it
/// starts, and once closed, what they write to the console or display is dropped, and input they
/// ask for is refused, instead of landing in the request of whichever cell runs next.
/// </summary>
internal sealed class OutputGate
{
    private static readonly AsyncLocal<OutputGate?> _current = new();

    private volatile bool _closed;

    /// <summary>False when the code writing now belongs to a cell that was left behind.</summary>
    public static bool CurrentIsOpen => _current.Value is not { _closed: true };

    /// <summary>Makes the gate the current one for this thread's execution context, and what it starts.</summary>
    public static void Enter(OutputGate? gate) => _current.Value = gate;

    public void Close() => _closed = true;
}
