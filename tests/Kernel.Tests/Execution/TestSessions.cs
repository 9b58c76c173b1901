using CSharpKernel.Execution;

namespace CSharpKernel.Tests.Execution;

/// <summary>Script sessions for unit tests: no sockets, no output sink, no input source.</summary>
internal static class TestSessions
{
    // Never installed as the process's console: it only satisfies the kernel API's input seam.
    private static readonly ConsoleCapture Capture = new();

    /// <summary>Settings at the security level named as users name it (a test's parameter cannot be the internal enum).</summary>
    public static EngineSettings AtLevel(string levelName)
    {
        Assert.That(CSharpKernel.Security.SecurityLevels.TryParse(levelName, out var level), Is.True, levelName);
        return new EngineSettings { Level = level };
    }

    public static ScriptSession Create(EngineSettings options, IEnumerable<IMagicCommand>? magics = null)
    {
        var kernel = new KernelApi(Capture);
        return ScriptSession.Create(kernel, options, magics ?? []);
    }
}
