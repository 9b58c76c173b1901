using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CSharpKernel.Execution;

/// <summary>
/// The accessors a cell declares for what it names of the kernel's store: each stored variable
/// whose name is an identifier of the cell (and which the cell does not declare itself), and each
/// stored history value behind a <c>_</c>, <c>__</c> or <c>___</c> it has. Found from the tokens
/// alone, so the prelude grows with the names the cell uses, never with the session. It goes at
/// the start of the cell's first member, on that line: after the usings and directives (a member
/// before a using does not compile) and without a line break, so lines and columns stay the user's.
/// </summary>
internal static class CellPrelude
{
    public static TextChange? For(CompilationUnitSyntax root, CellHistory history, VariableStore? variables)
    {
        if (root.Members.FirstOrDefault() is not { } first)
            return null;
        HashSet<string>? declared = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var token in root.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken) || !seen.Add(token.ValueText))
                continue;
            var depth = CellHistory.DepthOf(token.ValueText);
            if (depth > 0)
            {
                text.Append(history.At(depth)?.Accessor);
                continue;
            }
            if (variables?.Visible(token.ValueText) is not { } variable)
                continue;
            declared ??= TopLevelNames(root);
            if (!declared.Contains(variable.Name))
                text.Append(variable.Accessor);
        }
        return text.Length == 0 ? null : new TextChange(new TextSpan(first.SpanStart, 0), text.ToString());
    }

    /// <summary>A property whose body reads the kernel's store: the accessors are the only members that do.</summary>
    public static bool IsAccessor(PropertyDeclarationSyntax property)
    {
        if (property.ExpressionBody?.Expression is not { } body)
            return false;
        for (var at = body is RefExpressionSyntax byReference ? byReference.Expression : body; ;)
        {
            switch (at)
            {
                case MemberAccessExpressionSyntax access:
                    at = access.Expression;
                    break;
                case InvocationExpressionSyntax invocation:
                    at = invocation.Expression;
                    break;
                case IdentifierNameSyntax name:
                    return name.Identifier.ValueText == ReservedNames.Store;
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// The names the cell itself declares as script members, which an accessor of the same name
    /// would clash with: its variables (out and pattern variables of its statements too), methods,
    /// properties, events and types.
    /// </summary>
    private static HashSet<string> TopLevelNames(CompilationUnitSyntax root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in root.Members)
        {
            switch (member)
            {
                case BaseFieldDeclarationSyntax field:
                    names.UnionWith(field.Declaration.Variables.Select(v => v.Identifier.ValueText));
                    break;
                case GlobalStatementSyntax { Statement: LocalFunctionStatementSyntax function }:
                    names.Add(function.Identifier.ValueText);
                    break;
                case GlobalStatementSyntax statement:
                    names.UnionWith(statement.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                        .OfType<SingleVariableDesignationSyntax>().Select(d => d.Identifier.ValueText));
                    break;
                case MethodDeclarationSyntax method:
                    names.Add(method.Identifier.ValueText);
                    break;
                case PropertyDeclarationSyntax property:
                    names.Add(property.Identifier.ValueText);
                    break;
                case EventDeclarationSyntax @event:
                    names.Add(@event.Identifier.ValueText);
                    break;
                case BaseTypeDeclarationSyntax type:
                    names.Add(type.Identifier.ValueText);
                    break;
                case DelegateDeclarationSyntax @delegate:
                    names.Add(@delegate.Identifier.ValueText);
                    break;
            }
        }
        return names;
    }
}
