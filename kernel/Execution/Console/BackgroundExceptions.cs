using System.Diagnostics;
using System.Reflection;
using System.Runtime.ExceptionServices;
using CSharpKernel.Logging;

namespace CSharpKernel.Execution;

/// <summary>
/// An exception escaping a thread ends a .NET process: one thrown on a thread, timer, thread pool
/// item or async void method that a cell started would end the kernel. The runtime's unhandled
/// exception handler takes these as handled: the thread ends, the kernel lives, and the user sees
/// the exception and its traceback in the stderr of the cell that started the work (its
/// <see cref="CellContext"/>; for work that has none, the latest cell's), as ipykernel prints what
/// a thread raised. Exceptions of the kernel's own threads
/// still end the process, logged first: a kernel with a dead socket thread would look alive and
/// answer nothing. Unobserved task exceptions never end a process; they are shown the same way.
/// </summary>
internal sealed class BackgroundExceptions
{
    private static readonly Assembly KernelAssembly = typeof(BackgroundExceptions).Assembly;

    // The last exception thrown on this thread by a cell's code, and the context it was thrown in.
    [ThreadStatic]
    private static Exception? _thrown;
    [ThreadStatic]
    private static ExecutionContext? _thrownIn;

    private readonly TextWriter _output;
    private readonly Func<Exception, CellError> _describe;

    private BackgroundExceptions(TextWriter output, Func<Exception, CellError> describe)
    {
        _output = output;
        _describe = describe;
    }

    /// <param name="output">The kernel's own stderr writer, whatever the cell did to Console.Error.</param>
    /// <param name="describe">The traceback of an exception, its frames placed in the cells' lines.</param>
    public static void Install(TextWriter output, Func<Exception, CellError> describe)
    {
        var handler = new BackgroundExceptions(output, describe);
        AppDomain.CurrentDomain.FirstChanceException += (_, e) => Remember(e.Exception);
        ExceptionHandling.SetUnhandledExceptionHandler(handler.Unhandled);
        TaskScheduler.UnobservedTaskException += (_, e) =>
        {
            if (e.Exception.InnerExceptions.All(IsInterrupt))
                KernelLog.Debug("a task of a cell stopped at an interrupt, unobserved");
            else if (!handler.Show(e.Exception.InnerExceptions.Count == 1 ? e.Exception.InnerException! : e.Exception, "in a task nobody awaited"))
                KernelLog.Warn($"a task of the kernel failed unobserved: {e.Exception}");
            e.SetObserved();
        };
    }

    /// <summary>Checkpoints also stop the threads a cell started; those interrupts end the thread quietly.</summary>
    private static bool IsInterrupt(Exception exception) =>
        exception is CellInterruptedException
        || (exception is InsufficientExecutionStackException && exception.Message == InterruptErrors.StackExhaustedMessage);

    /// <summary>
    /// A timer's callback runs in the context it was created in, but the runtime puts the thread's
    /// own context back before the exception reaches the handler, which then could not tell the
    /// cell. Every throw in a cell's code notes its context: a field write, beside the throw's cost.
    /// </summary>
    private static void Remember(Exception exception)
    {
        if (CellContext.Current is null)
            return;
        _thrown = exception;
        _thrownIn = ExecutionContext.Capture();
    }

    /// <summary>Runs in the context the exception was thrown in, when the runtime has left it: its output goes to that cell.</summary>
    private bool Unhandled(Exception exception)
    {
        if (CellContext.Current is null && ReferenceEquals(exception, _thrown) && _thrownIn is { } context)
        {
            var handled = false;
            ExecutionContext.Run(context, _ => handled = Handle(exception), null);
            return handled;
        }
        return Handle(exception);
    }

    private bool Handle(Exception exception)
    {
        if (IsInterrupt(exception))
        {
            KernelLog.Debug($"a background thread of a cell stopped: {exception.GetType().Name}");
            return true;
        }
        var thread = Thread.CurrentThread.Name is { } name ? $"'{name}'" : Environment.CurrentManagedThreadId.ToString();
        if (Show(exception, $"on thread {thread}"))
            return true;
        KernelLog.Warn($"unhandled exception in the kernel; it ends: {exception}");
        return false;
    }

    /// <summary>False, showing nothing, when the exception is the kernel's own.</summary>
    private bool Show(Exception exception, string where)
    {
        if (IsKernels(exception))
            return false;
        try
        {
            var error = _describe(exception);
            var limit = exception is OutOfMemoryException && HeapLimit.Bytes is { } bytes ? LimitErrors.Memory(bytes).Evalue + "\n" : "";
            _output.Write($"Unhandled exception {where}, started by a cell:\n{string.Join("\n", error.Traceback)}\n{limit}");
        }
        catch (Exception failure)
        {
            // Describing must never turn a survivable exception into a crash, also when it ran out of memory itself.
            try
            {
                KernelLog.Warn($"could not show a background exception ({failure.Message}): {exception}");
            }
            catch (OutOfMemoryException)
            {
            }
        }
        return true;
    }

    /// <summary>
    /// Cells' assemblies are loaded from memory and have no location: a frame there makes the
    /// exception the user's. Otherwise a frame of the kernel or its socket library makes it the
    /// kernel's; what is left ran only in libraries, on a thread some cell must have started.
    /// </summary>
    private static bool IsKernels(Exception exception)
    {
        var assemblies = Frames(exception).Select(f => f.GetMethod()?.DeclaringType?.Assembly).OfType<Assembly>().ToList();
        if (assemblies.Any(a => a.IsDynamic || a.Location.Length == 0))
            return false;
        return assemblies.Any(a => a == KernelAssembly || a.GetName().Name is "NetMQ" or "AsyncIO");
    }

    private static IEnumerable<StackFrame> Frames(Exception exception)
    {
        IEnumerable<Exception> all = exception is AggregateException aggregate ? [exception, .. aggregate.InnerExceptions] : [exception];
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            all = all.Append(inner);
        return all.SelectMany(e => new StackTrace(e, fNeedFileInfo: false).GetFrames());
    }
}
