namespace CSharpKernel.Security;

/// <summary>The levels' names as users write them: on the command line, in kernel.json, in the banner.</summary>
internal static class SecurityLevels
{
    public static readonly IReadOnlyList<string> Names = ["sandbox", "restricted", "standard", "unrestricted"];

    public static string Name(this SecurityLevel level) => Names[(int)level];

    public static bool TryParse(string? text, out SecurityLevel level)
    {
        var index = text is null ? -1 : Names.ToList().IndexOf(text.Trim().ToLowerInvariant());
        level = index < 0 ? SecurityLevel.Unrestricted : (SecurityLevel)index;
        return index >= 0;
    }
}
