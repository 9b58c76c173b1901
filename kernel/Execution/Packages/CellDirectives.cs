using System.Text;
using CSharpKernel.Magics.Syntax;

namespace CSharpKernel.Execution.Packages;

/// <summary>
/// The package directives of a cell, taken out of it: <c>#r "nuget: Name, Version"</c>,
/// <c>#:package Name@Version</c> (.NET 10's file-based programs) and <c>#i "nuget: source"</c>,
/// found by <see cref="MagicSyntax"/>, with a <c>#!csharp</c> line. Roslyn's compiler takes one
/// reference per <c>#r</c>, and a package is a closure of many, so the directives never reach it:
/// each one's text is removed from its line, which stays, so that every line of the cell keeps its number.
/// </summary>
internal sealed record CellDirectives(string Code, IReadOnlyList<PackageSpec> Packages, IReadOnlyList<string> Sources)
{
    public bool IsEmpty => Packages.Count == 0 && Sources.Count == 0;

    /// <summary>The directives of <paramref name="code"/>; relative source folders are taken from <paramref name="baseDirectory"/>.</summary>
    public static CellDirectives Extract(string code, string baseDirectory)
    {
        var lines = MagicSyntax.Read(code).TakenOut.ToList();
        if (lines.Count == 0)
            return new CellDirectives(code, [], []);
        var packages = new List<PackageSpec>();
        var sources = new List<string>();
        foreach (var line in lines)
        {
            if (line.Kind == MagicLineKind.PackageReference)
                packages.Add(line.Name == "r" ? PackageSpec.TryParseReference(line.Arguments)! : PackageSpec.FromAtSpelling(line.Arguments));
            else if (line.Kind == MagicLineKind.PackageSource && Source(line.Arguments, baseDirectory) is var source && !sources.Contains(source, StringComparer.Ordinal))
                sources.Add(source);
        }
        var rest = new StringBuilder(code);
        foreach (var line in lines.OrderByDescending(l => l.Start))
            rest.Remove(line.Start, line.End - line.Start);
        return new CellDirectives(rest.ToString(), packages, sources);
    }

    /// <summary>A feed's URL as written, or a folder made absolute, from <c>"nuget: ..."</c>.</summary>
    private static string Source(string argument, string baseDirectory)
    {
        var quoted = argument.Length >= 2 && argument[0] == '"' && argument[^1] == '"' ? argument[1..^1].Trim() : null;
        if (quoted is null || !quoted.StartsWith(MagicSyntax.NugetPrefix, StringComparison.OrdinalIgnoreCase))
            throw new RestoreFailedException($"#i needs a NuGet source, as in #i \"nuget: https://example.org/v3/index.json\" or #i \"nuget: /path/to/folder\"; got #i {argument}");
        var source = quoted[MagicSyntax.NugetPrefix.Length..].Trim();
        if (source.Length == 0)
            throw new RestoreFailedException("#i \"nuget:\" needs a source: a feed's URL or a folder of .nupkg files");
        return Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile ? source : Path.GetFullPath(source, baseDirectory);
    }
}
