using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CSharpKernel.Execution;

/// <summary>
/// The engine internals a cell sees but may not declare: the history names, the kernel's API and
/// display. A declaration counts when it would live in the script's state (a top-level variable,
/// method, type, property or using alias); a local, a parameter or a discard shadows nothing the
/// kernel needs and is left alone.
/// </summary>
internal static class ReservedNames
{
    /// <summary>Prefix of the kernel's hidden names: history values' variables and accessors, the store.</summary>
    public const string HiddenPrefix = "__kernel_";

    /// <summary>The globals' member through which cells reach what is kept outside the chain.</summary>
    public const string Store = nameof(ScriptGlobals.__kernel_store);

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "_", "__", "___", "Out", "In", "Kernel", "display",
    };

    public static bool IsReserved(string name) =>
        Names.Contains(name) || name.StartsWith(HiddenPrefix, StringComparison.Ordinal);

    /// <summary>Whether a name is one of the kernel's own, to leave out of variable listings.</summary>
    public static bool IsHidden(string name) => name.StartsWith(HiddenPrefix, StringComparison.Ordinal);

    /// <summary>The first declaration in the cell that takes a reserved name into the script's state.</summary>
    /// <param name="skip">Positions of text the kernel wrote (its accessors), whose declarations are its own.</param>
    public static (string Name, Location Location)? FindDeclaration(SemanticModel model, CancellationToken token, Func<int, bool>? skip = null)
    {
        var root = model.SyntaxTree.GetRoot(token);
        foreach (var node in root.DescendantNodes())
        {
            if (DeclaredIdentifier(node) is not { } identifier || !IsReserved(identifier.ValueText) || skip?.Invoke(identifier.SpanStart) == true)
                continue;
            if (node is UsingDirectiveSyntax || IsScriptMember(model.GetDeclaredSymbol(node, token)))
                return (identifier.ValueText, identifier.GetLocation());
        }
        return null;
    }

    /// <summary>Whether the syntax declares a reserved name anywhere, a local or not: only the binder tells them apart.</summary>
    public static bool MayDeclare(SyntaxNode root) =>
        root.DescendantNodes().Any(node => DeclaredIdentifier(node) is { } identifier && IsReserved(identifier.ValueText));

    /// <summary>A member of the script class itself; locals and local functions also have it as containing type, but live in a method.</summary>
    private static bool IsScriptMember(ISymbol? symbol) =>
        symbol is IFieldSymbol or IPropertySymbol or IEventSymbol or INamedTypeSymbol or IMethodSymbol { MethodKind: not MethodKind.LocalFunction }
        && symbol.ContainingType?.IsScriptClass == true;

    private static SyntaxToken? DeclaredIdentifier(SyntaxNode node) => node switch
    {
        VariableDeclaratorSyntax declarator => declarator.Identifier,
        SingleVariableDesignationSyntax designation => designation.Identifier,
        MethodDeclarationSyntax method => method.Identifier,
        LocalFunctionStatementSyntax function => function.Identifier,
        PropertyDeclarationSyntax property => property.Identifier,
        EventDeclarationSyntax @event => @event.Identifier,
        BaseTypeDeclarationSyntax type => type.Identifier,
        DelegateDeclarationSyntax @delegate => @delegate.Identifier,
        UsingDirectiveSyntax { Alias: { } alias } => alias.Name.Identifier,
        _ => null,
    };
}
