using System.Text;
using CSharpKernel.Interpreter;

namespace CSharpKernel.Execution;

/// <summary>
/// A Console writer that batches text and hands it to the sink of the code that wrote it, so that
/// output from a cell, and from threads it started, reaches the cell's request as stream messages,
/// in the order it was written, also when two cells' work writes in turns.
/// </summary>
internal sealed class CapturedWriter : TextWriter
{
    private const int FlushThreshold = 64 * 1024;

    private readonly string _name;
    private readonly Func<IOutputSink?> _target;
    private readonly Action _beforeWrite;
    private readonly StringBuilder _buffer = new();
    private readonly Lock _lock = new();
    // Whose text the buffer holds: text for another sink sends it first.
    private IOutputSink? _bufferTarget;
    private bool _partialLineWaited;

    /// <param name="target">The sink for text written now, by the calling code; null drops the text.</param>
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
        if (_target() is not { } target)
            return;
        _beforeWrite();
        lock (_lock)
        {
            BufferFor(target).Append(value);
            FlushIfLarge();
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value) || _target() is not { } target)
            return;
        _beforeWrite();
        lock (_lock)
        {
            BufferFor(target).Append(value);
            FlushIfLarge();
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        if (_target() is not { } target)
            return;
        _beforeWrite();
        lock (_lock)
        {
            BufferFor(target).Append(buffer, index, count);
            FlushIfLarge();
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_target() is not { } target)
            return;
        _beforeWrite();
        lock (_lock)
        {
            BufferFor(target).Append(buffer);
            FlushIfLarge();
        }
    }

    public override void WriteLine(string? value)
    {
        if (_target() is not { } target)
            return;
        _beforeWrite();
        lock (_lock)
        {
            BufferFor(target).Append(value).Append('\n');
            FlushIfLarge();
        }
    }

    /// <summary>Removes and returns the text after the last newline not yet sent, if the calling code wrote it.</summary>
    public string TakePartialLine()
    {
        var target = _target();
        lock (_lock)
        {
            if (target is null || target != _bufferTarget)
                return "";
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
                _bufferTarget?.Stream(_name, text[..lines]);
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
        _bufferTarget?.Stream(_name, text);
    }

    private StringBuilder BufferFor(IOutputSink target)
    {
        if (target != _bufferTarget)
        {
            FlushLocked();
            _bufferTarget = target;
        }
        return _buffer;
    }
}
