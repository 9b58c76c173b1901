using System.Security.Cryptography;
using System.Text;
using CSharpKernel.Magics.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CSharpKernel.Execution;

/// <summary>
/// Decides from the syntax tree, parsed as a script, what kind of cell a text is. Results are
/// kept in a bounded LRU keyed by the SHA-256 of the text, because the same cells are classified
/// again and again (re-runs, is_complete, completion).
/// </summary>
internal sealed class CellClassifier
{
    public static readonly CSharpParseOptions ParseOptions =
        new(DefaultScriptOptions.LanguageVersion, DocumentationMode.None, SourceCodeKind.Script);

    private readonly LruCache<string, CellClassification> _cache;

    public CellClassifier(int cacheSize) => _cache = new LruCache<string, CellClassification>(cacheSize);

    /// <summary>How many classifications are cached now; never more than the cache size.</summary>
    public int CachedCount => _cache.Count;

    public CellClassification Classify(string code) =>
        _cache.GetOrAdd(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code))), _ => ClassifyText(code));

    /// <summary>The expression whose value a cell produces: its last statement, when that has no semicolon.</summary>
    public static ExpressionSyntax? TrailingExpression(CompilationUnitSyntax root) =>
        root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
        && statement.SemicolonToken.IsMissing
        && !statement.Expression.IsMissing
            ? statement.Expression
            : null;

    public static CellClassification ClassifyText(string code)
    {
        if (MagicSyntax.Read(code).Invocation is { } magic)
            return new CellClassification(CellMode.Directive, Magic: magic);
        var tree = CSharpSyntaxTree.ParseText(code, ParseOptions);
        var root = (CompilationUnitSyntax)tree.GetRoot();
        if (tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            return new CellClassification(CellMode.Invalid);
        if (root.Members.Count == 0 && root.Usings.Count == 0 && root.Externs.Count == 0 && root.AttributeLists.Count == 0)
        {
            var directives = root.GetReferenceDirectives().Count + root.GetLoadDirectives().Count;
            return new CellClassification(directives > 0 ? CellMode.Directive : CellMode.Empty);
        }

        var endsInExpression = TrailingExpression(root) is not null;
        if (HasTopLevelAwait(root))
            return new CellClassification(CellMode.TopLevelAwait, endsInExpression);
        if (endsInExpression)
            return new CellClassification(CellMode.Expression, EndsInExpression: true);
        // In a script, a top-level variable parses as a field declaration: it runs its initializer, so it is a statement.
        return root.Members.Any(m => m is GlobalStatementSyntax or FieldDeclarationSyntax)
            ? new CellClassification(CellMode.Statements)
            : new CellClassification(CellMode.Declarations);
    }

    /// <summary>
    /// An await that the cell itself waits for: in a top-level statement or variable initializer,
    /// not inside a lambda, anonymous method or local function (those run when called).
    /// </summary>
    private static bool HasTopLevelAwait(CompilationUnitSyntax root) =>
        root.Members
            .Where(m => m is GlobalStatementSyntax or FieldDeclarationSyntax)
            .SelectMany(m => m.DescendantNodesAndSelf(descendIntoChildren: n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            .Any(IsAwait);

    private static bool IsAwait(SyntaxNode node) => node switch
    {
        AwaitExpressionSyntax => true,
        CommonForEachStatementSyntax loop => loop.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword),
        UsingStatementSyntax statement => statement.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword),
        LocalDeclarationStatementSyntax declaration => declaration.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword),
        _ => false,
    };
}
