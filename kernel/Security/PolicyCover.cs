using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CSharpKernel.Security;

/// <summary>
/// The parts of a cell whose verdict the walk holds already from their parent, so it need not ask
/// the binder about them: that asking is most of the check's cost (the method group of a call is
/// bound anew, with every lambda among its arguments, each time it is asked). A covered part gives
/// the same refusal, at the same place, as its parent, or none at all:
/// the method group of a call to a method binds that method and starts where the call starts; the
/// left of a name that binds a namespace, or a type of a namespace, is a namespace (never refused);
/// and each part of the type of an allowed <c>new T(...)</c> is a type, namespace or type argument
/// that the type's verdict took in.
/// </summary>
internal sealed class PolicyCover
{
    private readonly HashSet<SyntaxNode> _methodGroups = [];
    private readonly HashSet<SyntaxNode> _namespaces = [];
    private readonly HashSet<SyntaxNode> _allowedTypeParts = [];

    /// <summary>Whether the node is covered; what it covers in turn is noted for its children.</summary>
    public bool Take(SyntaxNode node)
    {
        if (_methodGroups.Remove(node))
            return true;
        if (_namespaces.Remove(node))
        {
            if (Left(node) is { } left)
                _namespaces.Add(left);
            return true;
        }
        if (!_allowedTypeParts.Remove(node))
            return false;
        foreach (var child in node.ChildNodes())
            _allowedTypeParts.Add(child);
        return true;
    }

    /// <summary>Notes what a node's bound symbol shows of its children.</summary>
    public void BySymbol(SyntaxNode node, ISymbol? symbol)
    {
        if (node is InvocationExpressionSyntax { Expression: SimpleNameSyntax or MemberAccessExpressionSyntax or MemberBindingExpressionSyntax } call
            && symbol is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.ReducedExtension or MethodKind.LocalFunction })
            _methodGroups.Add(call.Expression);
        else if (symbol is INamespaceOrTypeSymbol { ContainingSymbol: INamespaceSymbol } && Left(node) is { } left)
            _namespaces.Add(left);
    }

    /// <summary>The type of an allowed object creation: all its parts are allowed too.</summary>
    public void AllowedType(TypeSyntax type) => _allowedTypeParts.Add(type);

    private static SyntaxNode? Left(SyntaxNode node) => node switch
    {
        MemberAccessExpressionSyntax access => access.Expression,
        QualifiedNameSyntax qualified => qualified.Left,
        _ => null,
    };
}
