namespace CSharpKernel.Security;

/// <summary>
/// Which directives a level allows. The directives act before the cell compiles (a #load reads a
/// file, a #r opens one, a package is restored from the network), so they are decided before the
/// compiler sees the cell: sandbox allows none; restricted only packages on the installer's
/// allow-list; standard and unrestricted all.
/// </summary>
internal sealed class DirectivePolicy
{
    private readonly SecurityLevel _level;
    private readonly HashSet<string> _allowedPackages;

    public DirectivePolicy(SecurityLevel level, IEnumerable<string> allowedPackages)
    {
        _level = level;
        _allowedPackages = new HashSet<string>(allowedPackages, StringComparer.OrdinalIgnoreCase);
    }

    public bool Checks => _level < SecurityLevel.Standard;

    public bool Allows(PolicyDirective directive, string? packageId = null) => _level switch
    {
        >= SecurityLevel.Standard => true,
        SecurityLevel.Restricted => directive == PolicyDirective.Package && packageId is not null && _allowedPackages.Contains(packageId),
        _ => false,
    };
}
