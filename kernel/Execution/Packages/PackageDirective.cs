using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CSharpKernel.Execution.Packages;

/// <summary>
/// .NET 10's file-based program directive <c>#:package Name@Version</c>, accepted in cells as the
/// same request as <c>#r "nuget: Name, Version"</c>. Found in the syntax tree, rewritten in place on
/// its own line so that line numbers stay the cell's.
/// </summary>
public static class PackageDirective
{
    private const string Keyword = "package";

    public static string Translate(string code)
    {
        if (!code.Contains("#:", StringComparison.Ordinal))
            return code;
        var root = CSharpSyntaxTree.ParseText(code, CellClassifier.ParseOptions).GetRoot();
        var directives = root.DescendantTrivia(descendIntoTrivia: true)
            .Where(t => t.IsKind(SyntaxKind.IgnoredDirectiveTrivia))
            .OrderByDescending(t => t.SpanStart)
            .ToList();
        if (directives.Count == 0)
            return code;
        var text = new StringBuilder(code);
        foreach (var directive in directives)
        {
            var body = directive.ToString().TrimStart()[2..].Trim();
            if (!body.StartsWith(Keyword + " ", StringComparison.Ordinal))
                continue;
            var package = body[Keyword.Length..].Trim();
            var at = package.IndexOf('@');
            var reference = at < 0 ? package : $"{package[..at]}, {package[(at + 1)..]}";
            var span = directive.Span;
            text.Remove(span.Start, span.Length).Insert(span.Start, $"#r \"nuget: {reference}\"");
        }
        return text.ToString();
    }
}
