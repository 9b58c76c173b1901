using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using CSharpKernel.Logging;

namespace CSharpKernel.Execution;

/// <summary>
/// Points file descriptors 1 and 2 at pipes the kernel reads, so that what child processes and
/// native code write there reaches the running cell like Console output does. The original
/// descriptors are kept as duplicates: the kernel's log and output written when no cell can
/// take it still go where whoever started the kernel looks. Linux only.
/// </summary>
internal sealed class FileDescriptorCapture
{
    // A write to the console drains the pipes first, at most this often: often enough that a
    // child run and waited for between two prints lands between them, rarely enough that a loop
    // of prints does not make a system call for each.
    private static readonly long DrainInterval = Stopwatch.Frequency / 1000;

    private readonly Source[] _sources;
    private readonly Action<string, string> _forward;
    private readonly Lock _lock = new();
    private long _nextDrain;

    private FileDescriptorCapture(Source[] sources, Action<string, string> forward)
    {
        _sources = sources;
        _forward = forward;
    }

    /// <summary>The process's standard error from before the capture.</summary>
    public Stream OriginalStderr => _sources[1].Original;

    /// <param name="forward">Takes each piece of text read, with the name of the stream it was written to.</param>
    /// <returns>Null where descriptors cannot be redirected (not Linux, or a call failed; logged).</returns>
    public static FileDescriptorCapture? TryStart(Action<string, string> forward)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        try
        {
            var capture = new FileDescriptorCapture([Source.Redirect(Libc.StdoutFd, StreamName.Stdout), Source.Redirect(Libc.StderrFd, StreamName.Stderr)], forward);
            new Thread(capture.Pump) { IsBackground = true, Name = "fd capture" }.Start();
            return capture;
        }
        catch (IOException exception)
        {
            KernelLog.Warn($"output written to file descriptors 1 and 2 is not captured: {exception.Message}");
            return null;
        }
    }

    /// <summary>Forwards everything written to the descriptors so far.</summary>
    public void Drain()
    {
        lock (_lock)
        {
            foreach (var source in _sources)
            {
                if (source.ReadAvailable() is { Length: > 0 } text)
                    _forward(source.Name, text);
            }
            _nextDrain = Stopwatch.GetTimestamp() + DrainInterval;
        }
    }

    /// <summary>Drains unless a drain was this recent; cheap enough to call on every console write.</summary>
    public void DrainIfDue()
    {
        if (Stopwatch.GetTimestamp() >= Volatile.Read(ref _nextDrain))
            Drain();
    }

    /// <summary>Writes text to the original descriptor of the stream, for output no cell can take.</summary>
    public void WriteOriginal(string name, string text)
    {
        var stream = name == StreamName.Stderr ? _sources[1].Original : _sources[0].Original;
        var bytes = Encoding.UTF8.GetBytes(text);
        stream.Write(bytes);
        stream.Flush();
    }

    private void Pump()
    {
        var fds = _sources.Select(s => new Libc.PollFd { Fd = s.ReadFd, Events = Libc.PollIn }).ToArray();
        while (true)
        {
            if (Libc.Poll(fds, (nuint)fds.Length, -1) < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Source.Interrupted)
                    continue;
                KernelLog.Warn($"poll on the captured output failed (errno {errno}); file descriptor output is no longer forwarded");
                return;
            }
            Drain();
            for (var i = 0; i < fds.Length; i++)
            {
                // Closed by a cell (close(1)): a descriptor that only reports hang-up would make poll return at once, forever.
                if (fds[i].Revents != 0 && (fds[i].Revents & Libc.PollIn) == 0)
                    fds[i].Fd = -1;
            }
        }
    }

    private sealed class Source
    {
        public const int Interrupted = 4;
        private const int WouldBlock = 11;

        private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
        private readonly byte[] _bytes = new byte[64 * 1024];
        private readonly char[] _chars = new char[64 * 1024 + 4];

        private Source(string name, int readFd, Stream original)
        {
            Name = name;
            ReadFd = readFd;
            Original = original;
        }

        public string Name { get; }
        public int ReadFd { get; }
        public Stream Original { get; }

        public static Source Redirect(int fd, string name)
        {
            var original = Libc.Dup(fd);
            var pipe = new int[2];
            if (original < 0 || Libc.Pipe(pipe) < 0)
                throw new IOException($"dup or pipe for fd {fd} failed: errno {Marshal.GetLastPInvokeError()}");
            Libc.MakeNonBlocking(pipe[0]);
            if (Libc.Dup2(pipe[1], fd) < 0)
                throw new IOException($"dup2 onto fd {fd} failed: errno {Marshal.GetLastPInvokeError()}");
            Libc.Close(pipe[1]);
            var handle = new Microsoft.Win32.SafeHandles.SafeFileHandle(original, ownsHandle: true);
            return new Source(name, pipe[0], new FileStream(handle, FileAccess.Write, bufferSize: 0));
        }

        /// <summary>What the pipe holds now, decoded; a character split between reads waits for its rest.</summary>
        public unsafe string ReadAvailable()
        {
            var text = new StringBuilder();
            while (true)
            {
                nint read;
                fixed (byte* buffer = _bytes)
                    read = Libc.Read(ReadFd, buffer, _bytes.Length);
                if (read <= 0)
                {
                    if (read < 0 && Marshal.GetLastPInvokeError() is not (WouldBlock or Interrupted))
                        KernelLog.Debug($"reading captured {Name} failed: errno {Marshal.GetLastPInvokeError()}");
                    return text.ToString();
                }
                var chars = _decoder.GetChars(_bytes, 0, (int)read, _chars, 0, flush: false);
                text.Append(_chars, 0, chars);
                if (read < _bytes.Length)
                    return text.ToString();
            }
        }
    }
}
