using System.Text.Json.Nodes;
using CSharpKernel.Interpreter;
using CSharpKernel.Logging;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

/// <summary>
/// execute_request: queued in arrival order and run on the executor. The execution count,
/// execute_input, execute_result, the error message and the reply are this handler's; the
/// interpreter only runs the code. After a failed cell with stop_on_error, the requests that had
/// already arrived are answered "aborted" without running.
/// </summary>
internal sealed class ExecuteHandler
{
    private readonly Executor _executor;
    private readonly IInterpreter _interpreter;
    private readonly RunningRequest _running;
    private readonly Func<RequestContext, bool, IInputSource> _inputFor;
    private long _received;
    private long _sequence;
    private long _abortThrough;
    private int _executionCount;

    /// <param name="inputFor">The input_request channel of a request, and whether the request allows stdin.</param>
    public ExecuteHandler(Executor executor, IInterpreter interpreter, RunningRequest running, Func<RequestContext, bool, IInputSource> inputFor)
    {
        _executor = executor;
        _interpreter = interpreter;
        _running = running;
        _inputFor = inputFor;
    }

    /// <summary>The count of the last counted execution, for a reply to a request that never ran.</summary>
    public int ExecutionCount => Volatile.Read(ref _executionCount);

    /// <summary>Numbers each request as it arrives, so an error can abort exactly those queued before it.</summary>
    public void Enqueue(Action run)
    {
        var sequence = Interlocked.Increment(ref _received);
        _executor.Post(() =>
        {
            _sequence = sequence;
            run();
        });
    }

    public void Handle(RequestContext request)
    {
        var content = request.Content(ProtocolJsonContext.Default.ExecuteRequest);
        if (_sequence <= Interlocked.Read(ref _abortThrough))
        {
            request.Reply(new ExecuteReply { Status = ReplyStatus.Aborted, ExecutionCount = _executionCount });
            return;
        }

        if (!content.Silent && content.StoreHistory)
            _executionCount++;
        var count = _executionCount;
        var outcome = Run(request, content, count);

        if (outcome.Error is { } error)
        {
            if (!content.Silent)
                request.Publish(error);
            if (content.StopOnError)
                Interlocked.Exchange(ref _abortThrough, Interlocked.Read(ref _received));
            request.Reply(new ExecuteReply
            {
                Status = ReplyStatus.Error,
                ExecutionCount = count,
                Ename = error.Ename,
                Evalue = error.Evalue,
                Traceback = error.Traceback,
            });
            return;
        }

        if (outcome.Result is { } data && !content.Silent)
            request.Publish(new ExecuteResultContent(count, data, new JsonObject()));
        request.Reply(new ExecuteReply
        {
            Status = ReplyStatus.Ok,
            ExecutionCount = count,
            UserExpressions = outcome.UserExpressions,
            Payload = [.. outcome.Payload],
        });
    }

    private ExecuteOutcome Run(RequestContext request, ExecuteRequest content, int count)
    {
        // The cell can be interrupted from the moment a client can know it started: an interrupt
        // sent on seeing execute_input, before the cell's run had begun, was lost and the cell ran on.
        var interrupt = _running.Begin();
        try
        {
            if (!content.Silent)
                request.Publish(new ExecuteInputContent(content.Code, count));
            var context = new ExecuteContext(content.Silent ? null : new IopubOutputSink(request), _inputFor(request, content.AllowStdin), interrupt);
            var options = new ExecuteOptions(content.Silent, content.StoreHistory && !content.Silent, content.UserExpressions, content.AllowStdin);
            return _interpreter.Execute(content.Code, options, count, context);
        }
        catch (Exception exception)
        {
            // The interpreter's own fault, not the cell's: the request still gets its error, and the queue its aborts.
            KernelLog.Warn($"the interpreter failed to execute: {exception}");
            var ename = exception.GetType().Name;
            return ExecuteOutcome.Failed(new ErrorContent(ename, exception.Message, [$"{ename}: {exception.Message}"]));
        }
        finally
        {
            _running.End();
        }
    }
}
