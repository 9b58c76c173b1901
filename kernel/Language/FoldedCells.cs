using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CSharpKernel.Language;

/// <summary>
/// What a run of cells declares, as the text of one submission: their <c>#r</c> and <c>#load</c>
/// directives and usings first, then every variable, method, property, event and type they
/// declare, the latest of each name only, as in the chain a later submission hides an earlier
/// one's member of that name. Statements that declare nothing are left out: completion only
/// looks up names. One compilation for hundreds of cells keeps a few KiB per cell where a
/// compilation per cell kept about 65.
/// </summary>
internal static class FoldedCells
{
    public static string Text(IEnumerable<string> cells, CSharpParseOptions parseOptions)
    {
        var roots = cells.Select(cell => CSharpSyntaxTree.ParseText(cell, parseOptions).GetCompilationUnitRoot()).ToList();
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<MemberDeclarationSyntax>[roots.Count];
        for (var i = roots.Count - 1; i >= 0; i--)
        {
            kept[i] = [.. roots[i].Members.Select(member => Unhidden(member, hidden)).OfType<MemberDeclarationSyntax>()];
            hidden.UnionWith(roots[i].Members.SelectMany(DeclaredNames));
        }

        var text = new StringBuilder();
        foreach (var directive in roots.SelectMany(root => root.GetReferenceDirectives().Cast<SyntaxNode>().Concat(root.GetLoadDirectives())))
            text.Append(directive.ToString()).Append('\n');
        foreach (var @using in Usings(roots))
            text.Append(@using).Append('\n');
        foreach (var member in kept.SelectMany(members => members))
            text.Append(WithoutDirectives(member).ToFullString()).Append('\n');
        return text.ToString();
    }

    /// <summary>Each using once; of two aliases of one name the later wins, as it does in the chain.</summary>
    private static IEnumerable<string> Usings(IEnumerable<CompilationUnitSyntax> roots)
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var @using in roots.SelectMany(root => root.Usings))
        {
            var text = WithoutDirectives(@using).ToString();
            byKey.Remove(@using.Alias?.Name.Identifier.Text ?? text);
            byKey[@using.Alias?.Name.Identifier.Text ?? text] = text;
        }
        return byKey.Values;
    }

    /// <summary>The member without what a later cell hides, or null if nothing is left or it declares nothing.</summary>
    private static MemberDeclarationSyntax? Unhidden(MemberDeclarationSyntax member, HashSet<string> hidden)
    {
        switch (member)
        {
            case BaseFieldDeclarationSyntax field:
                var variables = field.Declaration.Variables.Where(v => !hidden.Contains(v.Identifier.Text)).ToList();
                return variables.Count == 0 ? null
                    : variables.Count == field.Declaration.Variables.Count ? field
                    : field.WithDeclaration(field.Declaration.WithVariables(SyntaxFactory.SeparatedList(variables)));
            case GlobalStatementSyntax statement:
                var names = DeclaredNames(statement).ToList();
                if (names.Count == 0 || names.All(hidden.Contains))
                    return null;
                // A cell's last expression may end without a semicolon; here it is followed by more.
                return statement.Statement is ExpressionStatementSyntax { SemicolonToken.IsMissing: true } expression
                    ? statement.WithStatement(expression.WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken)))
                    : statement;
            default:
                var declared = DeclaredNames(member).ToList();
                return declared.Count == 0 || declared.Any(hidden.Contains) ? null : member;
        }
    }

    /// <summary>The names a top-level member adds to the submission: types keyed with their arity, as C# tells them apart.</summary>
    private static IEnumerable<string> DeclaredNames(MemberDeclarationSyntax member) => member switch
    {
        BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.Text),
        MethodDeclarationSyntax method => [method.Identifier.Text],
        PropertyDeclarationSyntax property => [property.Identifier.Text],
        EventDeclarationSyntax @event => [@event.Identifier.Text],
        TypeDeclarationSyntax type => [$"{type.Identifier.Text}`{type.Arity}"],
        EnumDeclarationSyntax @enum => [$"{@enum.Identifier.Text}`0"],
        DelegateDeclarationSyntax @delegate => [$"{@delegate.Identifier.Text}`{@delegate.Arity}"],
        GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration.Variables.Select(v => v.Identifier.Text),
        GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax function } => [function.Identifier.Text],
        // Out variables, deconstructions and pattern variables of a top-level statement are the script's fields too.
        GlobalStatementSyntax statement => statement.Statement
            .DescendantNodes(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BlockSyntax))
            .OfType<SingleVariableDesignationSyntax>()
            .Select(designation => designation.Identifier.Text),
        _ => [],
    };

    /// <summary>Directives belong at the top, where <see cref="Text"/> puts them; left in a member's trivia they would be errors.</summary>
    private static T WithoutDirectives<T>(T node) where T : SyntaxNode =>
        node.ReplaceTrivia(node.DescendantTrivia(descendIntoTrivia: false).Where(t => t.IsDirective), (_, _) => SyntaxFactory.Whitespace(""));
}
