using System.Diagnostics;
using CSharpKernel.Display;
using CSharpKernel.Execution;
using CSharpKernel.Logging;
using CSharpKernel.Magics.Syntax;
using CSharpKernel.Protocol;

namespace CSharpKernel.Language;

/// <summary>
/// Completion and inspection over every cell the session has run. Called from the shell thread
/// while the executor runs cells: it reads the session only through its thread-safe snapshots,
/// and one lock keeps the warm-up and the requests out of each other's way in the workspace.
/// </summary>
internal sealed class LanguageService : IDisposable
{
    private const string WarmUpCode = "var warm = new List<int>();\nConsole.WriteLine(Math.Max(1, 2));\nwarm.";

    private readonly ScriptSession _session;
    private readonly Lock _gate = new();
    private SubmissionWorkspace? _workspace;
    private readonly ManualResetEventSlim _warm = new();
    private Thread? _warmUpThread;
    private int _requestsSinceWarmUp;
    private volatile bool _completed;
    private volatile bool _inspected;

    /// <param name="session">The session whose cells, variables and %-commands completion and inspection see.</param>
    public LanguageService(ScriptSession session) => _session = session;

    /// <summary>
    /// Called with the first completion or inspection, which composes Roslyn's editor services on
    /// its own thread meanwhile: this binds the workspace's references beside it (on a busy machine
    /// two threads get twice the share), then warms up the other of completion and inspection, so
    /// that its first request does not pay for the JIT compiling either.
    /// </summary>
    public void WarmUpInBackground()
    {
        var thread = new Thread(() =>
        {
            try
            {
                WarmUp();
            }
            finally
            {
                _warm.Set();
            }
        }) { IsBackground = true, Name = "language warm-up" };
        _warmUpThread = thread;
        thread.Start();
    }

    private void WarmUp()
    {
        var clock = Stopwatch.StartNew();
        WorkspaceReferences.WarmUp();
        var bound = clock.ElapsedMilliseconds;
        // The request that started the warm-up has taken the lock by now, and composes the services under it.
        lock (_gate)
        {
            // What a request has served is warm already; the requests after the first wait for this (AwaitWarmUp).
            if (!_completed)
                Complete(WarmUpCode, WarmUpCode.Length);
            if (!_inspected)
                Inspect(WarmUpCode, WarmUpCode.IndexOf("Max", StringComparison.Ordinal) + 1, 0);
            KernelLog.Debug($"language services warm after {clock.ElapsedMilliseconds} ms (references bound after {bound} ms)");
            // Warming up leaves the heap large but mostly garbage; the GC would keep it committed
            // for the kernel's whole life (about 390 MiB resident with 42 MiB live) unless asked once.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>
    /// The request that started the warm-up composes the services meanwhile; those after it wait
    /// for the warm-up to end, so that they run warm and their replies find the heap collected
    /// (whichever took the lock first, a reply could leave ~15 MiB of warm-up garbage resident).
    /// </summary>
    private void AwaitWarmUp()
    {
        if (_warmUpThread is { } warmUp && Thread.CurrentThread != warmUp && Interlocked.Increment(ref _requestsSinceWarmUp) > 1)
            _warm.Wait();
    }

    /// <summary>Completion at a cursor given in code points, as the protocol counts.</summary>
    public CompleteReply Complete(string code, int cursorPos)
    {
        var cursor = CodePoints.ToUtf16(code, cursorPos);
        try
        {
            var cell = MagicSyntax.Read(code);
            AwaitWarmUp();
            lock (_gate)
            {
                var reply = CellCompleter.Complete(Workspace().Edit(_session.SubmittedCells, cell.CSharpWithArguments), cell, cursor, [.. _session.MagicNames.Order(StringComparer.Ordinal)]);
                _completed = true;
                return reply;
            }
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
            AwaitWarmUp();
            lock (_gate)
            {
                var reply = SymbolInspector.Inspect(Workspace().Edit(_session.SubmittedCells, MagicSyntax.Read(code).CSharpWithArguments), cursor, detailLevel, _session.TryReadVariable);
                _inspected = true;
                return reply;
            }
        }
        catch (Exception exception)
        {
            KernelLog.Warn($"inspection failed: {exception}");
            return new InspectReply { Found = false };
        }
    }

    /// <summary>The text/plain inspection gives for code with the cursor at its end, or null when it finds nothing.</summary>
    public string? Describe(string code, int detailLevel)
    {
        var reply = Inspect(code, code.EnumerateRunes().Count(), detailLevel);
        return reply.Found ? reply.Data[MimeTypes.PlainText]?.GetValue<string>() : null;
    }

    /// <summary>Not under the lock: at shutdown a warm-up still running must not hold the exit back; its failure is caught.</summary>
    public void Dispose() => _workspace?.Dispose();

    private SubmissionWorkspace Workspace() => _workspace ??= new SubmissionWorkspace(_session.Options, () => _session.Packages?.References ?? []);
}
