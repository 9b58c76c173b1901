using CSharpKernel.Security;

namespace CSharpKernel.Execution;

/// <summary>
/// The security level, limits and second wall this kernel started with, as the banner, <c>#!about</c>
/// and <c>%lsmagic</c> show them. Set when the interpreter is built from the start settings; no cell
/// reaches it (it is internal), and <c>%reset</c> builds no new interpreter, so the level stays.
/// </summary>
internal static class LevelInForce
{
    public static EngineSettings Settings { get; private set; } = new();

    public static void Start(EngineSettings settings) => Settings = settings;

    public static string Level => Settings.Level.Name();

    public static string Limits
    {
        get
        {
            var limits = Settings.Limits;
            var parts = new List<string>();
            if (limits.MemoryBytes is { } memory)
                parts.Add($"memory {memory >> 20} MB");
            if (limits.CellTime is { } time)
                parts.Add($"time {time.TotalSeconds:0} s per cell");
            if (limits.OutputBytes is { } output)
                parts.Add($"output {output >> 10} KB per cell");
            return parts.Count == 0 ? "none" : string.Join(", ", parts);
        }
    }

    /// <summary>Name and value, for the banner's line and #!about's table.</summary>
    public static IReadOnlyList<(string Title, string Value)> Facts =>
    [
        ("Security level", Level),
        ("Limits", Limits),
        ("Second wall", OsWall.Status),
    ];

    /// <summary>One line, for the banner and %lsmagic.</summary>
    public static string Line => $"Security level: {Level} (limits: {Limits}; second wall: {OsWall.Status})";
}
