using Microsoft.CodeAnalysis;

namespace CSharpKernel.Security;

/// <summary>
/// Decides of one bound symbol whether the level refuses it, and names what is refused. A type is
/// refused by its own rule, by a base type's (a subclass of a refused type inherits the refusal),
/// by any type argument (<c>List&lt;Process&gt;</c>) or element type; a member by its rule or its
/// type's, and an extension method as the static method it is. Verdicts are kept per symbol for
/// one check, so a cell that names a type a hundred times decides it once.
/// </summary>
internal sealed class PolicySymbols
{
    private static readonly SymbolDisplayFormat TypeName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private static readonly SymbolDisplayFormat FullType = SymbolDisplayFormat.CSharpErrorMessageFormat;

    private readonly SecurityLevel _level;
    private readonly Dictionary<ISymbol, string?> _verdicts = new(SymbolEqualityComparer.Default);
    // A type's rule and key spell its namespace out, and every member of the type and of its subclasses asks them.
    private readonly Dictionary<INamedTypeSymbol, (PolicyRule Rule, string Key)> _definitions = new(SymbolEqualityComparer.Default);

    public PolicySymbols(SecurityLevel level) => _level = level;

    /// <summary>What is refused in using this symbol, or null when the level allows it.</summary>
    public string? Refusal(ISymbol? symbol)
    {
        if (symbol is null)
            return null;
        if (_verdicts.TryGetValue(symbol, out var known))
            return known;
        var verdict = symbol switch
        {
            ITypeSymbol type => Type(type),
            IMethodSymbol method => Method(method),
            IPropertySymbol or IFieldSymbol or IEventSymbol => Member(symbol),
            IAliasSymbol alias => Refusal(alias.Target),
            _ => null,
        };
        _verdicts[symbol] = verdict;
        return verdict;
    }

    private string? Type(ITypeSymbol type)
    {
        switch (type)
        {
            case IDynamicTypeSymbol:
                return _level < SecurityLevel.Standard ? "dynamic" : null;
            case IPointerTypeSymbol pointer:
                return _level < SecurityLevel.Unrestricted ? $"the pointer type {pointer.ToDisplayString(FullType)}" : null;
            case IFunctionPointerTypeSymbol pointer:
                return _level < SecurityLevel.Unrestricted ? $"the function pointer {pointer.ToDisplayString(FullType)}" : null;
            case IArrayTypeSymbol array:
                return Refusal(array.ElementType);
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                {
                    if (Refusal(argument) is { } refused)
                        return refused;
                }
                for (var t = named.OriginalDefinition; t is not null; t = t.BaseType?.OriginalDefinition)
                {
                    if (Refuses(t))
                        return t.ToDisplayString(TypeName);
                }
                return named.ContainingType is { } outer ? Refusal(outer) : null;
            default:
                return null;
        }
    }

    private string? Method(IMethodSymbol method)
    {
        if (method.ReducedFrom is { } extension)
            return Refusal(extension);
        if (method.MethodKind == MethodKind.FunctionPointerSignature)
            return _level < SecurityLevel.Unrestricted ? "a call through a function pointer" : null;
        if (method.IsExtern && !method.DeclaringSyntaxReferences.IsEmpty)
            return _level < SecurityLevel.Unrestricted ? $"the extern method {method.Name}" : null;
        foreach (var argument in method.TypeArguments)
        {
            if (Refusal(argument) is { } refused)
                return refused;
        }
        if (Member(method) is { } member)
            return member;
        // An override in a cell's type of a refused member is that member.
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (Member(overridden) is { } refused)
                return refused;
        }
        return null;
    }

    private string? Member(ISymbol member)
    {
        if (member.ContainingType is not { } type)
            return null;
        if (Refusal(type) is { } refusedType)
            return member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? refusedType : $"{refusedType}.{member.Name}";
        for (var t = type.OriginalDefinition; t is not null; t = t.BaseType?.OriginalDefinition)
        {
            var (rule, key) = Definition(t);
            if (!rule.ByMember && !key.StartsWith("System.Xml", StringComparison.Ordinal))
                continue;
            if (_level < PolicyTables.MemberAllowedFrom(member, key))
                return member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? $"new {t.ToDisplayString(TypeName)}({Parameters(member)})" : $"{t.ToDisplayString(TypeName)}.{member.Name}";
        }
        return null;
    }

    private bool Refuses(INamedTypeSymbol definition) => Definition(definition).Rule.Refuses(_level);

    private (PolicyRule Rule, string Key) Definition(INamedTypeSymbol definition)
    {
        if (!_definitions.TryGetValue(definition, out var known))
            _definitions[definition] = known = (PolicyTables.ForType(definition), PolicyTables.Key(definition));
        return known;
    }

    private static string Parameters(ISymbol member) =>
        string.Join(", ", ((IMethodSymbol)member).Parameters.Select(p => $"{p.Type.ToDisplayString(FullType)} {p.Name}"));
}
