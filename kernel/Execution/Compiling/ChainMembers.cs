using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CSharpKernel.Execution;

/// <summary>
/// Whether a compiled cell leaves anything a later cell could bind to: a top-level variable (out
/// and pattern variables too), method, property or type, a using, an extern alias, a #r or a #load.
/// A cell that leaves nothing need not join the chain. A submission's compilation is kept by every
/// later one, and each binds the ~120 references again: about 75 KiB of managed memory per cell,
/// and name lookup in later cells walks past it. The accessors the kernel declares at the top of a
/// cell to reach what it keeps outside the chain (<see cref="CellPrelude"/>) leave nothing: each
/// cell that uses a stored value declares its own.
/// </summary>
internal static class ChainMembers
{
    public static bool DeclaresAny(Compilation compilation, string cellPath)
    {
        if (compilation.SyntaxTrees.Skip(1).Any())
            return true;
        var root = (CompilationUnitSyntax)CellTrees.Of(compilation, cellPath).GetRoot();
        if (root.Usings.Count > 0 || root.Externs.Count > 0 || root.GetReferenceDirectives().Count > 0 || root.GetLoadDirectives().Count > 0)
            return true;
        return compilation.ScriptClass is not { } script || script.GetMembers().Any(IsDeclared);
    }

    /// <summary>The members the cell declares for later cells, as they are named.</summary>
    public static IReadOnlyList<ISymbol> Declared(Compilation compilation) =>
        compilation.ScriptClass is { } script
            ? [.. script.GetMembers().Where(m => IsDeclared(m) && m is not IMethodSymbol { MethodKind: not MethodKind.Ordinary })]
            : [];

    private static bool IsDeclared(ISymbol member) => !member.IsImplicitlyDeclared && !IsAccessor(member);

    private static bool IsAccessor(ISymbol member)
    {
        var property = member as IPropertySymbol ?? (member as IMethodSymbol)?.AssociatedSymbol as IPropertySymbol;
        return property?.DeclaringSyntaxReferences is [var reference] && reference.GetSyntax() is PropertyDeclarationSyntax declaration
            && CellPrelude.IsAccessor(declaration);
    }
}
