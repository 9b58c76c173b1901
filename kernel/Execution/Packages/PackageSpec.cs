using CSharpKernel.Magics.Syntax;

namespace CSharpKernel.Execution.Packages;

/// <summary>A package a cell asked for: <c>#r "nuget: Name, Version"</c> or <c>#:package Name@Version</c>; no version means the newest stable.</summary>
internal sealed record PackageSpec(string Name, string? Version)
{
    /// <summary>Reads the text after "nuget:" ("Humanizer.Core, 2.14.1" or "Humanizer.Core/2.14.1").</summary>
    public static PackageSpec? TryParseReference(string reference)
    {
        if (!reference.TrimStart().StartsWith(MagicSyntax.NugetPrefix, StringComparison.OrdinalIgnoreCase))
            return null;
        var body = reference.TrimStart()[MagicSyntax.NugetPrefix.Length..];
        var parts = body.Split([',', '/'], 2, StringSplitOptions.TrimEntries);
        return Create(parts[0], parts.Length > 1 ? parts[1] : null);
    }

    /// <summary>Reads <c>Name@Version</c>, the spelling of <c>#:package</c>.</summary>
    public static PackageSpec FromAtSpelling(string text)
    {
        var at = text.IndexOf('@');
        return Create(at < 0 ? text.Trim() : text[..at].Trim(), at < 0 ? null : text[(at + 1)..].Trim());
    }

    public bool SameName(PackageSpec other) => string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Version is null ? Name : $"{Name} {Version}";

    private static PackageSpec Create(string name, string? version)
    {
        if (name.Length == 0)
            throw new RestoreFailedException("#r \"nuget:\" needs a package name, as in #r \"nuget: Humanizer.Core, 2.14.1\"");
        return new PackageSpec(name, string.IsNullOrEmpty(version) ? null : version);
    }
}
