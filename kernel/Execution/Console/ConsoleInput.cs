using CSharpKernel.Interpreter;

namespace CSharpKernel.Execution;

/// <summary>
/// Console.In for cells: each line read is asked of the front end. Text written to stdout just
/// before, with no newline after it ("Name: "), becomes the prompt, as users of input() expect.
/// </summary>
internal sealed class ConsoleInput : TextReader
{
    private readonly ConsoleCapture _capture;
    private readonly Lock _lock = new();
    private string? _line;
    private int _position;

    internal ConsoleInput(ConsoleCapture capture) => _capture = capture;

    /// <summary>
    /// Asks the front end of the cell whose code reads (code no cell started asks the running
    /// cell's), under that cell's cancellation, while the cell runs.
    /// </summary>
    public string ReadLine(string prompt, bool password)
    {
        var cell = CellContext.Current;
        if (cell is { IsHeard: false })
            throw new OperationCanceledException("The cell was interrupted; it can no longer ask for input.");
        cell ??= CellContext.Running;
        if (cell is not { HasEnded: false, Input: { } source })
            throw new InvalidOperationException("Input is only available while a cell runs.");
        _capture.FlushAll();
        // The user's time to answer is not the cell's.
        using var paused = cell.Clock?.Pause();
        return source.ReadLine(prompt, password, cell.CancellationToken);
    }

    public override string? ReadLine()
    {
        lock (_lock)
        {
            if (_line is not null)
            {
                var rest = _line[_position..];
                _line = null;
                return rest;
            }
        }
        return ReadWithPendingPrompt();
    }

    public override int Read()
    {
        lock (_lock)
        {
            Fill();
            if (_position == _line!.Length)
            {
                _line = null;
                return '\n';
            }
            return _line[_position++];
        }
    }

    public override int Peek()
    {
        lock (_lock)
        {
            Fill();
            return _position == _line!.Length ? '\n' : _line[_position];
        }
    }

    /// <summary>Makes sure a line is buffered for Read and Peek; the newline is handed out last.</summary>
    private void Fill()
    {
        if (_line is not null)
            return;
        _line = ReadWithPendingPrompt();
        _position = 0;
    }

    /// <summary>
    /// The prompt is taken off stdout only to be shown beside the input box; when no input can be
    /// asked for, it goes back, so the output still shows the question the error interrupted.
    /// </summary>
    private string ReadWithPendingPrompt()
    {
        var prompt = _capture.TakePartialLine();
        try
        {
            return ReadLine(prompt, password: false);
        }
        catch (InvalidOperationException)
        {
            Console.Out.Write(prompt);
            throw;
        }
    }
}
