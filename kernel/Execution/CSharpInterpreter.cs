using CSharpKernel.Display;
using CSharpKernel.Extensions;
using CSharpKernel.History;
using CSharpKernel.Interpreter;
using CSharpKernel.Language;
using CSharpKernel.Logging;
using CSharpKernel.Magics;
using CSharpKernel.Protocol;
using CSharpKernel.Security;

namespace CSharpKernel.Execution;

/// <summary>
/// C# behind the interpreter seam: the Roslyn script session runs cells, the language service
/// completes and inspects, the console capture and input carry a cell's output and input to the
/// context the server gives each execute. Building one takes over the process's console.
/// </summary>
internal sealed class CSharpInterpreter : IInterpreter
{
    private readonly ConsoleCapture _capture;
    private readonly HistoryStore _history;
    private readonly ScriptSession _session;
    private readonly LanguageService _language;
    private int _languageWarmUp;

    public CSharpInterpreter(EngineSettings settings)
    {
        LevelInForce.Start(settings);
        _capture = new ConsoleCapture(CellLimits.From(settings));
        _history = new HistoryStore(settings.HistoryFile);
        var kernelApi = new KernelApi(_capture);
        // ?name asks the language service, which reads the session that runs the ?name cell: this class holds both ends.
        _session = ScriptSession.Create(kernelApi, settings, MagicCommands.All(Describe), _history);
        // Packages that ship .NET Interactive kernel extensions (DataFrame, Plotly.NET) get them loaded before the cell runs.
        _session.Packages!.Restored += packages => KernelExtensionLoader.Load(packages);
        _language = new LanguageService(_session);
        _capture.Install();
        BackgroundExceptions.Install(_capture.Error, _session.Describe);
    }

    public InterpreterInfo Info => CSharpInterpreterInfo.WithLevel;

    /// <summary>jupyter console asks is_complete inside its Enter key handler: the first answer must not be a cold one.</summary>
    public void WarmUp()
    {
        CompletenessWarmUp.Start();
        _session.WarmUp();
    }

    /// <summary>
    /// Roslyn's editor services hold about 90 MiB and keep both cores of a small machine busy for
    /// a second or more: a session that never completes or inspects does not pay for them. The
    /// first completion or inspection starts them and waits for them.
    /// </summary>
    private void StartLanguageServices()
    {
        if (Interlocked.Exchange(ref _languageWarmUp, 1) == 0)
            _language.WarmUpInBackground();
    }

    public ExecuteOutcome Execute(string code, ExecuteOptions options, int executionCount, ExecuteContext context)
    {
        // Seccomp joins the operating-system wall now, before any cell's code, once the sockets are bound.
        OsWall.Seal();
        ExecuteOutcome outcome;
        // One place begins the cell: its output, input and cancellation flow from here into everything it starts.
        using (var cell = _capture.BeginCell(context.Output, context.Input))
        {
            // Registered on a token the server may have cancelled already (an interrupt sent on seeing execute_input): it then runs at once.
            using var interrupt = context.Interrupt.Register(() => cell.Interrupt());
            try
            {
                outcome = Run(code, options, executionCount, cell.CancellationToken);
            }
            catch (Exception exception)
            {
                // A fault of the kernel's own, not of the cell: the request still gets its error reply.
                KernelLog.Warn($"execute failed inside the kernel: {exception}");
                outcome = Failed(Tracebacks.ForException(exception));
            }
        }
        if (options.StoreHistory)
            _session.History.RecordEnd(executionCount, outcome.Result?[MimeTypes.PlainText]?.GetValue<string>());
        return outcome;
    }

    public CompleteReply Complete(string code, int cursorPos)
    {
        StartLanguageServices();
        return _language.Complete(code, cursorPos);
    }

    public InspectReply Inspect(string code, int cursorPos, int detailLevel)
    {
        StartLanguageServices();
        return _language.Inspect(code, cursorPos, detailLevel);
    }

    public IsCompleteReply IsComplete(string code) => CompletenessChecker.Check(code);

    public IReadOnlyList<HistoryEntry> History(HistoryRequest request) => _history.Read(request);

    public void Shutdown(bool restart) => _capture.FlushAll();

    public void Dispose()
    {
        _capture.Dispose();
        _history.Dispose();
        _language.Dispose();
    }

    /// <summary>
    /// Runs the cell, formats its value and, when it succeeded, evaluates its user_expressions (as
    /// ipykernel does: after an error they are not), under the same cancellation and output
    /// capture. Formatting is part of the cell: a value whose display throws is the cell's error,
    /// and one whose display never ends is interrupted like the cell.
    /// </summary>
    private ExecuteOutcome Run(string code, ExecuteOptions options, int executionCount, CancellationToken token)
    {
        var outcome = _session.Run(code, executionCount, token, options.StoreHistory);
        if (outcome.Error is { } error)
            return Failed(error);
        // A bundle the kernel made itself (#!html, #!javascript) is shown as it is.
        var data = options.Silent ? null : outcome.Data;
        if (data is null && outcome.HasValue && !options.Silent)
        {
            var formatted = _session.Format(outcome.Value, token);
            if (formatted.Error is { } formatError)
                return Failed(formatError);
            data = formatted.Value;
        }
        return new ExecuteOutcome
        {
            Result = data,
            Payload = outcome.Payload,
            UserExpressions = options.UserExpressions.Count > 0 ? UserExpressions.Evaluate(_session, options.UserExpressions, token) : [],
        };
    }

    /// <summary>?name and ??name print what inspect_request shows for the name.</summary>
    private string? Describe(string name, int detailLevel) => _language.Describe(name, detailLevel);

    private static ExecuteOutcome Failed(CellError error) => ExecuteOutcome.Failed(new ErrorContent(error.Ename, error.Evalue, error.Traceback));
}
