using System.Reflection;
using System.Text.Json.Nodes;

namespace CSharpKernel.Display.Interactive;

/// <summary>
/// Where .NET Interactive's Formatter joins the kernel's display, at no cost until a cell uses it:
/// nothing here names a type of Microsoft.DotNet.Interactive.Formatting, so that assembly loads
/// only when a cell (or a package) touches it, and from then on the kernel consults it
/// (<see cref="FormatterBridge"/>) for every value it shows.
/// </summary>
internal static class InteractiveFormatting
{
    public const string AssemblyName = "Microsoft.DotNet.Interactive.Formatting";

    private static readonly Lock Gate = new();
    private static int _watching;
    private static volatile bool _loaded;
    private static Action<JsonObject, string, bool>? _publish;
    private static Func<object?, JsonObject>? _format;

    /// <summary>Whether .NET Interactive's Formatter is in the process, so that its registrations count.</summary>
    public static bool IsLoaded => _loaded;

    /// <summary>
    /// Starts watching for the Formatting assembly; <paramref name="publish"/> shows what
    /// <c>x.Display()</c> and <c>DisplayedValue.Update</c> ask for (bundle, display id, update),
    /// as <paramref name="format"/>, the session's formatter, makes it.
    /// </summary>
    public static void Watch(Func<object?, JsonObject> format, Action<JsonObject, string, bool> publish)
    {
        _format = format;
        _publish = publish;
        if (Interlocked.Exchange(ref _watching, 1) == 1)
            return;
        AppDomain.CurrentDomain.AssemblyLoad += OnAssemblyLoad;
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            OnLoaded(assembly);
    }

    /// <summary>Loads the Formatting assembly now: the first use of an API of .NET Interactive's that the kernel itself offers (<c>HTML</c>).</summary>
    public static void Load()
    {
        if (!_loaded)
            OnLoaded(FormatterBridge.Assembly);
    }

    /// <summary>What .NET Interactive's Formatter makes of a value where it has a say; empty before it is loaded.</summary>
    public static IReadOnlyDictionary<string, string> Format(object value) =>
        _loaded ? FormatterBridge.Format(value) : new Dictionary<string, string>();

    /// <summary>Back to the defaults: the user's and the packages' registrations go.</summary>
    public static void Reset()
    {
        if (_loaded)
            FormatterBridge.Reset();
    }

    /// <summary>Leaves the kernel's display the only subscriber to the Formatter's displays (see <see cref="FormatterBridge.KeepOnlyKernelDisplays"/>).</summary>
    public static bool KeepOnlyKernelDisplays() => _loaded && FormatterBridge.KeepOnlyKernelDisplays();

    internal static void Publish(JsonObject bundle, string displayId, bool update) => _publish?.Invoke(bundle, displayId, update);

    /// <summary>The value as the session formats every value it shows.</summary>
    internal static JsonObject FormatAsKernel(object? value) => _format?.Invoke(value) ?? new JsonObject();

    // Every cell loads an assembly of its own: the watch ends once the Formatter is in.
    private static void OnAssemblyLoad(object? sender, AssemblyLoadEventArgs e) => OnLoaded(e.LoadedAssembly);

    private static void OnLoaded(Assembly assembly)
    {
        if (_loaded || assembly.FullName?.StartsWith(AssemblyName + ",", StringComparison.Ordinal) != true)
            return;
        lock (Gate)
        {
            if (_loaded)
                return;
            // Subscribed before the cell that loaded the assembly goes on, so its first Display() is seen.
            FormatterBridge.Subscribe();
            _loaded = true;
        }
        AppDomain.CurrentDomain.AssemblyLoad -= OnAssemblyLoad;
    }
}
