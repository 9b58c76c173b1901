using System.Text;
using CSharpKernel.Interpreter;

namespace CSharpKernel.Execution;

/// <summary>
/// A Console writer that batches text and hands it to whichever sink is current, so that output
/// from a cell, and from threads it started, reaches the cell's request as stream messages.
/// </summary>
internal sealed class CapturedWriter : TextWriter
{
    private const int FlushThreshold = 64 * 1024;

    private readonly string _name;
    private readonly Func<IOutputSink?> _target;
    private readonly Action _beforeWrite;
    private readonly StringBuilder _buffer = new();
    private readonly Lock _lock = new();
    private bool _partialLineWaited;

    /// <param name="beforeWrite">Runs before text is taken, outside the writer's lock: output that reached the
    /// process by another way (file descriptors) and is older than this text is sent first.</param>
    public CapturedWriter(string name, Func<IOutputSink?> target, Action? beforeWrite = null)
    {
        _name = name;
        _target = target;
        _beforeWrite = beforeWrite ?? (() => { });
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (!OutputGate.CurrentIsOpen)
            return;
        _beforeWrite();
        lock (_lock)
        {
            _buffer.Append(value);
            FlushIfLarge();
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value) || !OutputGate.CurrentIsOpen)
            return;
        _beforeWrite();
        lock (_lock)
        {
            _buffer.Append(value);
            FlushIfLarge();
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        if (!OutputGate.CurrentIsOpen)
            return;
        _beforeWrite();
        lock (_lock)
        {
            _buffer.Append(buffer, index, count);
            FlushIfLarge();
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (!OutputGate.CurrentIsOpen)
            return;
        _beforeWrite();
        lock (_lock)
        {
            _buffer.Append(buffer);
            FlushIfLarge();
        }
    }

    public override void WriteLine(string? value)
    {
        if (!OutputGate.CurrentIsOpen)
            return;
        _beforeWrite();
        lock (_lock)
        {
            _buffer.Append(value).Append('\n');
            FlushIfLarge();
        }
    }

    /// <summary>Removes and returns the text after the last newline not yet sent.</summary>
    public string TakePartialLine()
    {
        lock (_lock)
        {
            var text = _buffer.ToString();
            var newline = text.LastIndexOf('\n');
            var partial = text[(newline + 1)..];
            _buffer.Length = newline + 1;
            _partialLineWaited = false;
            return partial;
        }
    }

    public override void Flush()
    {
        lock (_lock)
            FlushLocked();
    }

    /// <summary>
    /// The periodic flush: complete lines go at once, an unfinished last line only once it has
    /// waited a whole period. A prompt written just before a read ("Name: ") is then still in the
    /// buffer when the read takes it, however the timer falls.
    /// </summary>
    public void FlushCompleteLines()
    {
        lock (_lock)
        {
            if (_partialLineWaited)
            {
                FlushLocked();
                return;
            }
            var text = _buffer.ToString();
            var lines = text.LastIndexOf('\n') + 1;
            if (lines > 0)
            {
                _buffer.Remove(0, lines);
                _target()?.Stream(_name, text[..lines]);
            }
            _partialLineWaited = _buffer.Length > 0;
        }
    }

    private void FlushIfLarge()
    {
        if (_buffer.Length >= FlushThreshold)
            FlushLocked();
    }

    private void FlushLocked()
    {
        _partialLineWaited = false;
        if (_buffer.Length == 0)
            return;
        var text = _buffer.ToString();
        _buffer.Clear();
        _target()?.Stream(_name, text);
    }
}
