using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CSharpKernel.Execution.Packages;

/// <summary>
/// The package directives of a cell, taken out of it: <c>#r "nuget: Name, Version"</c>,
/// <c>#:package Name@Version</c> (.NET 10's file-based programs) and <c>#i "nuget: source"</c>.
/// Roslyn's compiler takes one reference per <c>#r</c>, and a package is a closure of many, so
/// the directives never reach it: each is found in the syntax tree and its text removed from its
/// line, which stays, so that every line of the cell keeps its number.
/// </summary>
internal sealed record CellDirectives(string Code, IReadOnlyList<PackageSpec> Packages, IReadOnlyList<string> Sources)
{
    private const string PackageKeyword = "package";
    private const string SourceKeyword = "i";

    public bool IsEmpty => Packages.Count == 0 && Sources.Count == 0;

    /// <summary>The directives of <paramref name="code"/>; relative source folders are taken from <paramref name="baseDirectory"/>.</summary>
    public static CellDirectives Extract(string code, string baseDirectory)
    {
        if (!code.Contains("#r", StringComparison.Ordinal) && !code.Contains("#:", StringComparison.Ordinal) && !code.Contains("#i", StringComparison.Ordinal))
            return new CellDirectives(code, [], []);
        var tree = CSharpSyntaxTree.ParseText(code, CellClassifier.ParseOptions);
        var text = tree.GetText();
        var packages = new List<PackageSpec>();
        var sources = new List<string>();
        var removed = new List<(int Start, int End)>();
        foreach (var trivia in tree.GetRoot().DescendantTrivia(descendIntoTrivia: true).Where(t => t.IsDirective))
        {
            var line = text.Lines.GetLineFromPosition(trivia.SpanStart);
            var directive = text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(trivia.SpanStart, line.End)).Trim();
            if (Read(trivia, directive, baseDirectory) is not { } found)
                continue;
            if (found.Package is { } package)
                packages.Add(package);
            if (found.Source is { } source && !sources.Contains(source, StringComparer.Ordinal))
                sources.Add(source);
            removed.Add((trivia.SpanStart, line.End));
        }
        if (removed.Count == 0)
            return new CellDirectives(code, [], []);
        var rest = new StringBuilder(code);
        foreach (var (start, end) in removed.OrderByDescending(r => r.Start))
            rest.Remove(start, end - start);
        return new CellDirectives(rest.ToString(), packages, sources);
    }

    private static (PackageSpec? Package, string? Source)? Read(SyntaxTrivia trivia, string directive, string baseDirectory)
    {
        switch (trivia.GetStructure())
        {
            case ReferenceDirectiveTriviaSyntax reference when PackageSpec.TryParseReference(reference.File.ValueText) is { } package:
                return (package, null);
            case IgnoredDirectiveTriviaSyntax when directive[2..].TrimStart() is var body && body.StartsWith(PackageKeyword + " ", StringComparison.Ordinal):
                return (PackageSpec.FromAtSpelling(body[PackageKeyword.Length..].Trim()), null);
            case BadDirectiveTriviaSyntax bad when bad.Identifier.ValueText == SourceKeyword:
                return (null, Source(directive[(1 + SourceKeyword.Length)..].Trim(), baseDirectory));
            default:
                return null;
        }
    }

    /// <summary>A feed's URL as written, or a folder made absolute, from <c>"nuget: ..."</c>.</summary>
    private static string Source(string argument, string baseDirectory)
    {
        var quoted = argument.Length >= 2 && argument[0] == '"' && argument[^1] == '"' ? argument[1..^1].Trim() : null;
        if (quoted is null || !quoted.StartsWith(PackageSpec.NugetPrefix, StringComparison.OrdinalIgnoreCase))
            throw new RestoreFailedException($"#i needs a NuGet source, as in #i \"nuget: https://example.org/v3/index.json\" or #i \"nuget: /path/to/folder\"; got #i {argument}");
        var source = quoted[PackageSpec.NugetPrefix.Length..].Trim();
        if (source.Length == 0)
            throw new RestoreFailedException("#i \"nuget:\" needs a source: a feed's URL or a folder of .nupkg files");
        return Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile ? source : Path.GetFullPath(source, baseDirectory);
    }
}
