using System.Text.Json.Nodes;
using CSharpKernel.Display;
using CSharpKernel.Execution;
using CSharpKernel.History;
using CSharpKernel.Logging;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

/// <summary>
/// execute_request: queued in arrival order and run on the executor. After a failed cell with
/// stop_on_error, the requests that had already arrived are answered "aborted" without running.
/// </summary>
public sealed class ExecuteHandler
{
    private readonly Executor _executor;
    private readonly ScriptSession _session;
    private readonly ConsoleCapture _capture;
    private readonly Func<RequestContext, bool, IInputSource> _inputFor;
    private readonly HistoryStore _history;
    private long _received;
    private long _running;
    private long _abortThrough;
    private int _executionCount;

    public ExecuteHandler(Executor executor, ScriptSession session, ConsoleCapture capture,
        Func<RequestContext, bool, IInputSource> inputFor, HistoryStore history)
    {
        _inputFor = inputFor;
        _executor = executor;
        _session = session;
        _capture = capture;
        _history = history;
    }

    /// <summary>The count of the last counted execution, for a reply to a request that never ran.</summary>
    public int ExecutionCount => Volatile.Read(ref _executionCount);

    /// <summary>Numbers each request as it arrives, so an error can abort exactly those queued before it.</summary>
    public void Enqueue(Action run)
    {
        var sequence = Interlocked.Increment(ref _received);
        _executor.Post(() =>
        {
            _running = sequence;
            run();
        });
    }

    public void Handle(RequestContext request)
    {
        var content = request.Content(ProtocolJsonContext.Default.ExecuteRequest);
        if (_running <= Interlocked.Read(ref _abortThrough))
        {
            request.Reply(new ExecuteReply { Status = ReplyStatus.Aborted, ExecutionCount = _executionCount },
                ProtocolJsonContext.Default.ExecuteReply);
            return;
        }

        var counts = !content.Silent && content.StoreHistory;
        if (counts)
            _executionCount++;
        var count = _executionCount;
        // The cell can be interrupted from the moment a client can know it started: an interrupt
        // sent on seeing execute_input, before the cell's run had begun, was lost and the cell ran on.
        var cell = _capture.BeginCell(content.Silent ? null : new IopubOutputSink(request), _inputFor(request, content.AllowStdin));
        if (!content.Silent)
            request.Publish("execute_input", new ExecuteInputContent(content.Code, count), ProtocolJsonContext.Default.ExecuteInputContent);

        var (outcome, data, userExpressions) = Run(cell, content, count, counts);
        if (counts)
            _history.Record(count, content.Code, data?[MimeTypes.PlainText]?.GetValue<string>());

        if (outcome.Error is { } error)
        {
            if (!content.Silent)
                request.Publish("error", new ErrorContent(error.Ename, error.Evalue, error.Traceback), ProtocolJsonContext.Default.ErrorContent);
            if (content.StopOnError)
                Interlocked.Exchange(ref _abortThrough, Interlocked.Read(ref _received));
            request.Reply(new ExecuteReply
            {
                Status = ReplyStatus.Error,
                ExecutionCount = count,
                Ename = error.Ename,
                Evalue = error.Evalue,
                Traceback = error.Traceback,
            }, ProtocolJsonContext.Default.ExecuteReply);
            return;
        }

        if (data is not null)
            request.Publish("execute_result", new ExecuteResultContent(count, data, new JsonObject()),
                ProtocolJsonContext.Default.ExecuteResultContent);
        request.Reply(new ExecuteReply
        {
            Status = ReplyStatus.Ok,
            ExecutionCount = count,
            UserExpressions = userExpressions,
            Payload = [.. outcome.Payload],
        },
            ProtocolJsonContext.Default.ExecuteReply);
    }

    /// <summary>
    /// Runs the cell, formats its value and, when it succeeded, evaluates its user_expressions (as
    /// ipykernel does: after an error they are not), under the same cancellation and output
    /// capture. Formatting is part of the cell: a value whose display throws is the cell's error,
    /// and one whose display never ends is interrupted like the cell.
    /// </summary>
    private (CellOutcome Outcome, JsonObject? Data, Dictionary<string, JsonNode?> UserExpressions) Run(CellContext cell,
        ExecuteRequest content, int count, bool storeHistory)
    {
        var token = cell.CancellationToken;
        try
        {
            var outcome = _session.Run(content.Code, count, token, storeHistory);
            // A bundle the kernel made itself (#!html, #!javascript) is shown as it is.
            var data = content.Silent ? null : outcome.Data;
            if (data is null && outcome.HasValue && !content.Silent)
            {
                var formatted = _session.Format(outcome.Value, token);
                if (formatted.Error is { } error)
                    return (CellOutcome.Failed(error), null, []);
                data = formatted.Value;
            }
            return outcome.Succeeded && content.UserExpressions.Count > 0
                ? (outcome, data, UserExpressions.Evaluate(_session, content.UserExpressions, token))
                : (outcome, data, []);
        }
        catch (Exception exception)
        {
            // A fault of the kernel's own, not of the cell: the request still gets its error reply.
            KernelLog.Warn($"execute failed inside the kernel: {exception}");
            return (CellOutcome.Failed(Tracebacks.ForException(exception)), null, []);
        }
        finally
        {
            cell.Dispose();
        }
    }
}
