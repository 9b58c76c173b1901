namespace CSharpKernel.Logging;

/// <summary>
/// The kernel's own diagnostics. They go to the process's original standard error, captured
/// before Console is redirected, so they reach the terminal or log of whoever launched the
/// kernel and never a notebook.
/// </summary>
internal static class KernelLog
{
    private static TextWriter _writer = TextWriter.Synchronized(Console.Error);

    public static bool Verbose { get; set; } = Environment.GetEnvironmentVariable("CSHARP_KERNEL_DEBUG") is { Length: > 0 };

    /// <summary>Pins the writer to the current standard error; call before redirecting Console.</summary>
    public static void Capture() => WriteTo(Console.OpenStandardError());

    /// <summary>Pins the writer to a stream: the original standard error, once file descriptor 2 is captured for cells.</summary>
    public static void WriteTo(Stream stderr) => _writer = TextWriter.Synchronized(new StreamWriter(stderr) { AutoFlush = true });

    public static void Info(string message) => Write("info", message);

    public static void Warn(string message) => Write("warn", message);

    public static void Debug(string message)
    {
        if (Verbose)
            Write("debug", message);
    }

    private static void Write(string level, string message) =>
        _writer.WriteLine($"[csharp-kernel {DateTime.Now:HH:mm:ss.fff} {level}] {message}");
}
