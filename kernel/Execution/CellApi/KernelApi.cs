using CSharpKernel.Display;
using CSharpKernel.Display.Interactive;
using CSharpKernel.Interpreter;

namespace CSharpKernel.Execution;

/// <summary>
/// What a cell can ask of the kernel, as the global <c>Kernel</c>. Every call acts for the cell
/// whose code makes it (<see cref="CellContext"/>): a thread a cell started displays into that
/// cell's output and sees that cell's cancellation, also once later cells run.
/// </summary>
public sealed class KernelApi
{
    private static readonly Func<IOutputSink?> Sink = () => CellContext.CurrentSink;

    private readonly ConsoleInput _input;

    internal KernelApi(ConsoleCapture console)
    {
        _input = console.Input;
        InteractiveFormatting.Watch(Formatter.Format, (bundle, displayId, update) =>
        {
            Console.Out.Flush();
            Sink()?.DisplayData(bundle, [], displayId, update);
        });
    }

    /// <summary>Files under the kernel's working directory (the only files the restricted level allows).</summary>
    public KernelFiles Files { get; } = new(Environment.CurrentDirectory, () => LevelInForce.Settings.Level);

    /// <summary>Cancelled when the user interrupts the cell that runs this code (for code no cell started, the running cell).</summary>
    public CancellationToken CancellationToken => (CellContext.Current ?? CellContext.Running)?.CancellationToken ?? CancellationToken.None;

    public DisplayHandle Display(object? value) => Display(value, []);

    /// <summary>Shows the value in the given formats only (and text/plain), as .NET Interactive's <c>display(x, "text/html")</c>.</summary>
    public DisplayHandle Display(object? value, params string[] mimeTypes)
    {
        var handle = new DisplayHandle(Guid.NewGuid().ToString("N"), Sink, Formatter, mimeTypes);
        handle.Show(value, update: false);
        return handle;
    }

    /// <summary>Formatters by type and mime type, used for every displayed value and cell result; a reset forgets them.</summary>
    public FormatterRegistry Formatters => Formatter.Registry;

    /// <summary>How the session shows values: its cells' formatters, .NET Interactive's, the built-in views.</summary>
    internal MimeFormatter Formatter { get; } = new();

    /// <summary>A PNG or JPEG image from its bytes.</summary>
    public Image Image(byte[] data) => CSharpKernel.Display.Image.FromBytes(data);

    /// <summary>A PNG or JPEG image from a file.</summary>
    public Image ImageFile(string path) => CSharpKernel.Display.Image.FromFile(path);

    /// <summary>Asks the user for a line of text, showing the prompt in the front end.</summary>
    public string ReadLine(string prompt = "") => _input.ReadLine(prompt, password: false);

    /// <summary>Asks for a secret: the front end hides what is typed.</summary>
    public string ReadPassword(string prompt = "Password: ") => _input.ReadLine(prompt, password: true);

    // .NET Interactive's spellings, so that the notebooks people bring from Polyglot Notebooks compile
    // unchanged. The answer arrives on the cell's own thread, as ReadLine's does, so an interrupt wakes it.

    /// <summary>Asks the user for a line of text, as <c>Kernel.GetInputAsync</c> does in .NET Interactive.</summary>
    /// <param name="typeHint">Accepted for .NET Interactive's signature; a Jupyter front end asks for text whatever the hint.</param>
    public Task<string> GetInputAsync(string prompt = "", string typeHint = "text") =>
        Task.FromResult(_input.ReadLine(prompt, password: false));

    /// <summary>Asks for a secret, as <c>Kernel.GetPasswordAsync</c> does in .NET Interactive: the front end hides what is typed.</summary>
    public Task<Microsoft.DotNet.Interactive.PasswordString> GetPasswordAsync(string prompt = "") =>
        Task.FromResult(new Microsoft.DotNet.Interactive.PasswordString(_input.ReadLine(prompt, password: true)));

    public void ClearOutput(bool wait = false)
    {
        Console.Out.Flush();
        Sink()?.ClearOutput(wait);
    }
}
