using CSharpKernel.Interpreter;
using CSharpKernel.Protocol;
using CSharpKernel.Server.Handlers;
using CSharpKernel.Wire;

namespace CSharpKernel.Server;

/// <summary>
/// The protocol over one interpreter, with no socket of its own (as xeus's kernel core): the
/// shell and control dispatch tables, the executor that runs execute requests in order, the
/// running request's interrupt and the warm-up. The server feeds it frames; tests feed it frames
/// and record what it sends.
/// </summary>
internal sealed class KernelCore : IDisposable
{
    private readonly Executor _executor = new();
    private readonly RunningRequest _running = new();
    private readonly WarmUpTrigger _warmUp;

    /// <param name="stdin">Where input_request goes; <paramref name="stdinBroker"/> hands back the input_reply.</param>
    /// <param name="requestShutdown">Stops the kernel after a shutdown_reply; told whether the client restarts it.</param>
    public KernelCore(WireCodec codec, Messenger messenger, IInterpreter interpreter, IFrameSender stdin, StdinBroker stdinBroker,
        Action<bool> requestShutdown)
    {
        var execute = new ExecuteHandler(_executor, interpreter, _running,
            (request, allowed) => new StdinInputSource(request, allowed, stdin, stdinBroker, messenger));
        var kernelInfo = new KernelInfoHandler(interpreter);
        var complete = new CompleteHandler(interpreter);
        var inspect = new InspectHandler(interpreter);
        var isComplete = new IsCompleteHandler(interpreter);
        var history = new HistoryHandler(interpreter);
        var interrupt = new InterruptHandler(_running);
        var shutdown = new ShutdownHandler(requestShutdown);
        // The interpreter's warm-up waits for the first kernel_info_reply to go out, so that on a
        // small machine it does not slow the kernel's first answer.
        _warmUp = new WarmUpTrigger(() => _executor.Post(interpreter.WarmUp));

        Shell = new Dispatcher("shell", codec, messenger, new Dictionary<string, Dispatcher.Handler>
        {
            ["execute_request"] = new(execute.Handle, execute.Enqueue,
                request => request.Content(ProtocolJsonContext.Default.ExecuteRequest), () => execute.ExecutionCount),
            ["kernel_info_request"] = new(request =>
            {
                kernelInfo.Handle(request);
                _warmUp.Fire();
            }),
            ["is_complete_request"] = new(isComplete.Handle),
            ["complete_request"] = new(complete.Handle),
            ["inspect_request"] = new(inspect.Handle),
            ["history_request"] = new(history.Handle),
            ["comm_info_request"] = new(CommHandler.Info),
            ["comm_open"] = new(CommHandler.Open),
            ["comm_msg"] = new(CommHandler.Ignore),
            ["comm_close"] = new(CommHandler.Ignore),
            ["shutdown_request"] = new(shutdown.Handle),
        });
        Control = new Dispatcher("control", codec, messenger, new Dictionary<string, Dispatcher.Handler>
        {
            ["kernel_info_request"] = new(kernelInfo.Handle),
            ["interrupt_request"] = new(interrupt.Handle),
            ["shutdown_request"] = new(shutdown.Handle),
        });
    }

    public Dispatcher Shell { get; }
    public Dispatcher Control { get; }

    /// <summary>Interrupts the running execute request, as interrupt_request does; false when none runs.</summary>
    public bool Interrupt() => _running.Interrupt();

    /// <summary>Starts the warm-up's fallback clock, for a client that never asks for kernel_info.</summary>
    public void ArmWarmUp() => _warmUp.Arm();

    public void Dispose()
    {
        _warmUp.Dispose();
        _executor.Dispose();
    }
}
