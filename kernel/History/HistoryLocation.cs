namespace CSharpKernel.History;

/// <summary>
/// Where the history database lives: <c>CSHARP_KERNEL_HISTORY</c> names a file, or <c>off</c>
/// (or <c>:memory:</c>) to keep history for this kernel only; otherwise the user's data
/// directory, as the XDG base directory spec says.
/// </summary>
internal static class HistoryLocation
{
    public const string Variable = "CSHARP_KERNEL_HISTORY";

    /// <summary>The database file, or null when history is kept in memory only.</summary>
    public static string? Resolve(Func<string, string?> environment)
    {
        var configured = environment(Variable);
        if (configured is { Length: > 0 })
        {
            return configured.Equals("off", StringComparison.OrdinalIgnoreCase) || configured == ":memory:"
                ? null
                : Path.GetFullPath(configured);
        }
        var dataHome = environment("XDG_DATA_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "csharp-kernel", "history.sqlite");
    }
}
