using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CSharpKernel.Execution;

/// <summary>Decides from the syntax tree what kind of cell a text is.</summary>
public static class CellClassifier
{
    public static readonly CSharpParseOptions ParseOptions =
        new(DefaultScriptOptions.LanguageVersion, DocumentationMode.None, SourceCodeKind.Script);

    /// <summary>True when the last top-level statement is an expression with no semicolon.</summary>
    public static bool EndsInExpression(string code)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, ParseOptions).GetRoot();
        return root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
               && statement.SemicolonToken.IsMissing;
    }
}
