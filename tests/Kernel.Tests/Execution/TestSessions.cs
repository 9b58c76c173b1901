using CSharpKernel.Execution;

namespace CSharpKernel.Tests.Execution;

/// <summary>Script sessions for unit tests: no sockets, no output sink, no input source.</summary>
internal static class TestSessions
{
    // Never installed as the process's console: it only satisfies the kernel API's input seam.
    private static readonly ConsoleCapture Capture = new();

    public static ScriptSession Create(EngineSettings options, IEnumerable<IMagicCommand>? magics = null)
    {
        var kernel = new KernelApi(Capture);
        return ScriptSession.Create(kernel, options, magics ?? []);
    }
}
