using System.Runtime.InteropServices;
using System.Text;
using CSharpKernel.Execution;
using CSharpKernel.Extensions;
using CSharpKernel.History;
using CSharpKernel.Language;
using CSharpKernel.Logging;
using CSharpKernel.Magics;
using CSharpKernel.Protocol;
using CSharpKernel.Server.Handlers;
using CSharpKernel.Wire;
using NetMQ;
using NetMQ.Sockets;

namespace CSharpKernel.Server;

/// <summary>Binds the five sockets, wires the handlers, and runs until a shutdown request or the parent's death.</summary>
public sealed class KernelServer : IDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly ManualResetEventSlim _shutdown = new();
    private readonly SocketLoop _iopub;
    private readonly SocketLoop _shell;
    private readonly SocketLoop _control;
    private readonly SocketLoop _stdin;
    private readonly SocketLoop _heartbeat;
    private readonly Messenger _messenger;
    private readonly Executor _executor;
    private readonly ConsoleCapture _capture = new();
    private readonly CellCancellation _cancellation = new();
    private readonly ScriptSession _session;
    private readonly LanguageService _language;
    private readonly HistoryStore _history;
    private readonly WarmUpTrigger _warmUp;
    private PosixSignalRegistration? _sigint;
    private PosixSignalRegistration? _sigterm;
    private int _stopped;

    public KernelServer(ConnectionInfo connection)
    {
        // The sockets are bound before anything else is built: a client that found no listener
        // tries again only 100 ms later. Nothing arrives at the dispatchers before Run starts the loops.
        var codec = new WireCodec(new MessageSigner(Encoding.UTF8.GetBytes(connection.Key)));
        var stdinBroker = new StdinBroker(codec);
        Dispatcher? shell = null;
        Dispatcher? control = null;
        _shell = new SocketLoop("shell", new RouterSocket(), connection.Endpoint(connection.ShellPort), frames => shell!.OnFrames(_shell!, frames));
        _control = new SocketLoop("control", new RouterSocket(), connection.Endpoint(connection.ControlPort), frames => control!.OnFrames(_control!, frames));
        IopubWelcome? welcome = null;
        // Verbose, so that every client's subscription reaches the kernel and gets its welcome, not only the first to "".
        var iopubSocket = new XPublisherSocket();
        iopubSocket.Options.XPubVerbose = true;
        _iopub = new SocketLoop("iopub", iopubSocket, connection.Endpoint(connection.IopubPort), frames => welcome!.OnSubscription(_iopub!, frames));
        _stdin = new SocketLoop("stdin", new RouterSocket(), connection.Endpoint(connection.StdinPort), stdinBroker.OnFrames);
        _heartbeat = new SocketLoop("heartbeat", new ResponseSocket(), connection.Endpoint(connection.HbPort), frames => _heartbeat!.Socket.SendMultipartBytes(frames));
        _messenger = new Messenger(codec, _iopub, Guid.NewGuid().ToString());
        welcome = new IopubWelcome(_messenger);

        _executor = new Executor();
        _history = new HistoryStore(HistoryLocation.Resolve(Environment.GetEnvironmentVariable));
        var kernelApi = new KernelApi(_capture);
        _session = ScriptSession.Create(kernelApi, ExecutionOptions.FromEnvironment(), MagicCommands.All(DescribeVariable));
        // Packages that ship .NET Interactive kernel extensions (DataFrame, Plotly.NET) get them loaded before the cell runs.
        _session.Packages!.Restored += packages => KernelExtensionLoader.Load(packages);
        _language = new LanguageService(_session);
        var execute = new ExecuteHandler(_executor, _session, _capture,
            (request, allowed) => new StdinInputSource(request, allowed, _stdin!, stdinBroker, _messenger), _history);
        var complete = new CompleteHandler(_language);
        var inspect = new InspectHandler(_language);
        var history = new HistoryHandler(_history);
        var interrupt = new InterruptHandler(_cancellation);
        var shutdown = new ShutdownHandler(RequestShutdown);
        // Roslyn's editor services keep both cores of a small machine busy for a second or more: they
        // wait until no cell is queued, so that a cell sent right after kernel_info has the compiler to
        // itself, unless a completion or inspection request wants them first.
        var languageWarmUp = new WarmUpTrigger(_language.WarmUpInBackground);
        _warmUp = new WarmUpTrigger(() =>
        {
            _executor.Post(_session.WarmUp);
            _executor.PostWhenIdle(languageWarmUp.Fire);
        });

        shell = new Dispatcher("shell", codec, _messenger, new Dictionary<string, Dispatcher.Handler>
        {
            ["execute_request"] = new(execute.Handle, execute.Enqueue,
                request => request.Content(ProtocolJsonContext.Default.ExecuteRequest), () => execute.ExecutionCount),
            ["kernel_info_request"] = new(request =>
            {
                KernelInfoHandler.Handle(request);
                _warmUp.Fire();
            }),
            ["is_complete_request"] = new(IsCompleteHandler.Handle),
            ["complete_request"] = new(request =>
            {
                languageWarmUp.Fire();
                complete.Handle(request);
            }),
            ["inspect_request"] = new(request =>
            {
                languageWarmUp.Fire();
                inspect.Handle(request);
            }),
            ["history_request"] = new(history.Handle),
            ["comm_info_request"] = new(CommHandler.Info),
            ["comm_open"] = new(CommHandler.Open),
            ["comm_msg"] = new(CommHandler.Ignore),
            ["comm_close"] = new(CommHandler.Ignore),
            ["shutdown_request"] = new(shutdown.Handle),
        });
        control = new Dispatcher("control", codec, _messenger, new Dictionary<string, Dispatcher.Handler>
        {
            ["kernel_info_request"] = new(KernelInfoHandler.Handle),
            ["interrupt_request"] = new(interrupt.Handle),
            ["shutdown_request"] = new(shutdown.Handle),
        });
    }

    /// <summary>
    /// Starts NetMQ's context and I/O thread, and compiles what a socket needs, on a thread of its
    /// own: about 30 ms that otherwise stand between reading the connection file and binding.
    /// </summary>
    public static void PrepareSockets() =>
        new Thread(static () =>
        {
            using var socket = new PublisherSocket();
        }) { IsBackground = true, Name = "socket warm-up" }.Start();

    public void Run()
    {
        _capture.Install();
        BackgroundExceptions.Install(_capture.Error, _session.Describe);
        foreach (var loop in new[] { _iopub, _heartbeat, _control, _stdin, _shell })
            loop.Start();
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            KernelLog.Info(_cancellation.Interrupt() ? "SIGINT: interrupting the running cell" : "SIGINT: no cell is running");
        });
        // A launcher, a supervisor or a user ending the kernel with SIGTERM gets the same clean stop as a shutdown_request.
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            KernelLog.Info("SIGTERM: shutting down");
            RequestShutdown();
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopOnExit();
        _warmUp.Arm();
        ParentWatch.Start(RequestShutdown);

        _shutdown.Wait();
        Stop();
    }

    public void RequestShutdown() => _shutdown.Set();

    /// <summary>?name and ??name print what inspect_request shows for the name.</summary>
    private string? DescribeVariable(string name, int detailLevel) =>
        _language.Describe(name, detailLevel);

    public void Dispose()
    {
        _sigint?.Dispose();
        _sigterm?.Dispose();
        _warmUp.Dispose();
        _executor.Dispose();
        _capture.Dispose();
        _history.Dispose();
        _language.Dispose();
        foreach (var loop in new[] { _shell, _control, _stdin, _heartbeat, _iopub })
            loop.Dispose();
        NetMQConfig.Cleanup(block: false);
    }

    /// <summary>The reply to a shutdown request, and the idle after it, are sent before the sockets close.</summary>
    private void Stop() => Stop("shutting down", [_shell, _control, _stdin, _heartbeat]);

    /// <summary>
    /// A cell that calls Environment.Exit ends the process without a shutdown: what it printed just
    /// before is still sent, and its child processes still ended.
    /// </summary>
    private void StopOnExit() => Stop("the process is exiting", []);

    /// <summary>Whatever stops the kernel, once: output flushed, children ended, channels drained, iopub last.</summary>
    private void Stop(string why, SocketLoop[] channels)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
            return;
        KernelLog.Info(why);
        _capture.FlushAll();
        ChildProcesses.EndAll();
        foreach (var loop in channels)
            loop.StopAfterDrain();
        foreach (var loop in channels)
            loop.Join(DrainTimeout);
        _iopub.StopAfterDrain();
        _iopub.Join(DrainTimeout);
    }
}
