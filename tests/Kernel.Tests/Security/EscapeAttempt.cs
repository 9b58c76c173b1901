namespace CSharpKernel.Tests.Security;

/// <summary>
/// One way a determined user might reach past the level: the cell, the API its refusal names, the
/// text at whose first occurrence the refusal is placed, and the first level that allows it
/// ("sandbox" for code every level allows). <paramref name="Setup"/>, when given, runs first at
/// every level (a value for the attempt to use through <c>_</c>).
/// </summary>
public sealed record EscapeAttempt(string Name, string Code, string Api, string? At, string AllowedFrom, string? Setup = null)
{
    private static readonly string[] Levels = ["sandbox", "restricted", "standard", "unrestricted"];

    public bool IsRefusedAt(string level) => Array.IndexOf(Levels, level) < Array.IndexOf(Levels, AllowedFrom);

    /// <summary>The 1-based line and column of <see cref="At"/>'s first occurrence in the cell.</summary>
    public (int Line, int Column) Place()
    {
        var offset = Code.IndexOf(At!, StringComparison.Ordinal);
        if (offset < 0)
            throw new ArgumentException($"{Name}: '{At}' is not in the cell");
        var before = Code[..offset];
        var line = before.Count(c => c == '\n') + 1;
        return (line, offset - (before.LastIndexOf('\n') + 1) + 1);
    }

    public override string ToString() => Name;
}
