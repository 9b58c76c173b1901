namespace CSharpKernel.Security;

/// <summary>
/// What the tables say of a type: refused outright below <see cref="AllowedFrom"/>, or allowed as
/// a type with only some of its members refused (<see cref="ByMember"/>).
/// </summary>
internal readonly record struct PolicyRule(SecurityLevel AllowedFrom, bool ByMember = false)
{
    public static readonly PolicyRule Allowed = new(SecurityLevel.Sandbox);

    /// <summary>Refused at every level that checks: processes, native code, the kernel's engine.</summary>
    public static readonly PolicyRule Never = new(SecurityLevel.Unrestricted);

    /// <summary>Refused at sandbox and restricted, allowed from standard on.</summary>
    public static readonly PolicyRule FromStandard = new(SecurityLevel.Standard);

    public bool Refuses(SecurityLevel level) => !ByMember && level < AllowedFrom;
}
