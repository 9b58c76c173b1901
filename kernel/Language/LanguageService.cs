using System.Diagnostics;
using CSharpKernel.Execution;
using CSharpKernel.Logging;
using CSharpKernel.Protocol;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Language;

/// <summary>
/// Completion and inspection over every cell the session has run. Called from the shell thread
/// while the executor runs cells: it reads the session only through its thread-safe snapshots,
/// and one lock keeps the warm-up and the requests out of each other's way in the workspace.
/// </summary>
public sealed class LanguageService : IDisposable
{
    private const string WarmUpCode = "var warm = new List<int>();\nConsole.WriteLine(Math.Max(1, 2));\nwarm.";

    private readonly ScriptSession _session;
    private readonly ScriptOptions _options;
    private readonly Lock _gate = new();
    private SubmissionWorkspace? _workspace;

    public LanguageService(ScriptSession session, ScriptOptions options)
    {
        _session = session;
        _options = options;
    }

    /// <summary>
    /// Loads Roslyn's editor services and runs one completion and one inspection on a background
    /// thread, so the user's first request does not pay for the loading and JIT compiling.
    /// </summary>
    public void WarmUpInBackground()
    {
        var thread = new Thread(() =>
        {
            var clock = Stopwatch.StartNew();
            lock (_gate)
                Workspace();
            var composed = clock.ElapsedMilliseconds;
            Complete(WarmUpCode, WarmUpCode.Length);
            var completed = clock.ElapsedMilliseconds;
            Inspect(WarmUpCode, WarmUpCode.IndexOf("Max", StringComparison.Ordinal) + 1, 0);
            KernelLog.Debug($"language services warm: composed {composed} ms, first completion {completed} ms, first inspection {clock.ElapsedMilliseconds} ms");
        }) { IsBackground = true, Name = "language warm-up" };
        thread.Start();
    }

    /// <summary>Completion at a cursor given in code points, as the protocol counts.</summary>
    public CompleteReply Complete(string code, int cursorPos)
    {
        var cursor = CodePoints.ToUtf16(code, cursorPos);
        try
        {
            lock (_gate)
                return CellCompleter.Complete(Workspace().Edit(_session.SubmittedCells, MagicLines.BlankNames(code)), code, cursor);
        }
        catch (Exception exception)
        {
            KernelLog.Warn($"completion failed: {exception}");
            var position = CodePoints.FromUtf16(code, cursor);
            return new CompleteReply { Matches = [], CursorStart = position, CursorEnd = position };
        }
    }

    /// <summary>Inspection at a cursor given in code points.</summary>
    public InspectReply Inspect(string code, int cursorPos, int detailLevel)
    {
        var cursor = CodePoints.ToUtf16(code, cursorPos);
        try
        {
            lock (_gate)
                return SymbolInspector.Inspect(Workspace().Edit(_session.SubmittedCells, MagicLines.BlankNames(code)), cursor, detailLevel, _session.TryReadVariable);
        }
        catch (Exception exception)
        {
            KernelLog.Warn($"inspection failed: {exception}");
            return new InspectReply { Found = false };
        }
    }

    /// <summary>Not under the lock: at shutdown a warm-up still running must not hold the exit back; its failure is caught.</summary>
    public void Dispose() => _workspace?.Dispose();

    private SubmissionWorkspace Workspace() => _workspace ??= new SubmissionWorkspace(_options);
}
