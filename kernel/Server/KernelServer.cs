using System.Runtime.InteropServices;
using System.Text;
using CSharpKernel.Interpreter;
using CSharpKernel.Logging;
using CSharpKernel.Wire;
using NetMQ;
using NetMQ.Sockets;

namespace CSharpKernel.Server;

/// <summary>
/// Binds the five sockets, feeds the kernel core over them, and runs until a shutdown request or
/// the parent's death. It knows the language only as an <see cref="IInterpreter"/>.
/// </summary>
internal sealed class KernelServer : IDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly ManualResetEventSlim _shutdown = new();
    private readonly SocketLoop _iopub;
    private readonly SocketLoop _shell;
    private readonly SocketLoop _control;
    private readonly SocketLoop _stdin;
    private readonly SocketLoop _heartbeat;
    private readonly IInterpreter _interpreter;
    private readonly KernelCore _core;
    private PosixSignalRegistration? _sigint;
    private PosixSignalRegistration? _sigterm;
    private bool _ownsProcess;
    private volatile bool _restart;
    private int _stopped;

    /// <param name="createInterpreter">Called once the sockets are bound: a client that found no listener tries
    /// again only 100 ms later, and building a language's engine takes longer than that.</param>
    public KernelServer(ConnectionInfo connection, Func<IInterpreter> createInterpreter)
    {
        // Nothing arrives at the dispatchers before Serve starts the loops.
        var codec = new WireCodec(new MessageSigner(Encoding.UTF8.GetBytes(connection.Key)));
        var stdinBroker = new StdinBroker(codec);
        KernelCore? core = null;
        _shell = new SocketLoop("shell", new RouterSocket(), connection.Endpoint(connection.ShellPort), frames => core!.Shell.OnFrames(_shell!, frames));
        _control = new SocketLoop("control", new RouterSocket(), connection.Endpoint(connection.ControlPort), frames => core!.Control.OnFrames(_control!, frames));
        IopubWelcome? welcome = null;
        // Verbose, so that every client's subscription reaches the kernel and gets its welcome, not only the first to "".
        var iopubSocket = new XPublisherSocket();
        iopubSocket.Options.XPubVerbose = true;
        _iopub = new SocketLoop("iopub", iopubSocket, connection.Endpoint(connection.IopubPort), frames => welcome!.OnSubscription(_iopub!, frames));
        _stdin = new SocketLoop("stdin", new RouterSocket(), connection.Endpoint(connection.StdinPort), stdinBroker.OnFrames);
        _heartbeat = new SocketLoop("heartbeat", new ResponseSocket(), connection.Endpoint(connection.HbPort), frames => _heartbeat!.Socket.SendMultipartBytes(frames));
        var messenger = new Messenger(codec, _iopub, Guid.NewGuid().ToString());
        welcome = new IopubWelcome(messenger);

        _interpreter = createInterpreter();
        _core = core = new KernelCore(codec, messenger, _interpreter, _stdin, stdinBroker, RequestShutdown);
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

    /// <summary>The kernel process: signals, the parent's death and Environment.Exit stop it cleanly, and its children with it.</summary>
    public void Run()
    {
        _ownsProcess = true;
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            KernelLog.Info(_core.Interrupt() ? "SIGINT: interrupting the running cell" : "SIGINT: no cell is running");
        });
        // A launcher, a supervisor or a user ending the kernel with SIGTERM gets the same clean stop as a shutdown_request.
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            KernelLog.Info("SIGTERM: shutting down");
            RequestShutdown();
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopOnExit();
        ParentWatch.Start(() => RequestShutdown());
        Serve();
    }

    /// <summary>Serves until a shutdown request, touching nothing of the process: what a test runs inside its own.</summary>
    public void Serve()
    {
        foreach (var loop in new[] { _iopub, _heartbeat, _control, _stdin, _shell })
            loop.Start();
        _core.ArmWarmUp();
        _shutdown.Wait();
        Stop();
    }

    public void RequestShutdown(bool restart = false)
    {
        _restart = restart;
        _shutdown.Set();
    }

    public void Dispose()
    {
        _sigint?.Dispose();
        _sigterm?.Dispose();
        _core.Dispose();
        _interpreter.Dispose();
        foreach (var loop in new[] { _shell, _control, _stdin, _heartbeat, _iopub })
            loop.Dispose();
        if (_ownsProcess)
            NetMQConfig.Cleanup(block: false);
    }

    /// <summary>The reply to a shutdown request, and the idle after it, are sent before the sockets close.</summary>
    private void Stop() => Stop("shutting down", [_shell, _control, _stdin, _heartbeat]);

    /// <summary>
    /// A cell that calls Environment.Exit ends the process without a shutdown: what it printed just
    /// before is still sent, and its child processes still ended.
    /// </summary>
    private void StopOnExit() => Stop("the process is exiting", []);

    /// <summary>Whatever stops the kernel, once: the interpreter's output flushed, children ended, channels drained, iopub last.</summary>
    private void Stop(string why, SocketLoop[] channels)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
            return;
        KernelLog.Info(why);
        _interpreter.Shutdown(_restart);
        if (_ownsProcess)
            ChildProcesses.EndAll();
        foreach (var loop in channels)
            loop.StopAfterDrain();
        foreach (var loop in channels)
            loop.Join(DrainTimeout);
        _iopub.StopAfterDrain();
        _iopub.Join(DrainTimeout);
    }
}
