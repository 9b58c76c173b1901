namespace CSharpKernel.Execution.Packages;

/// <summary>A package a cell asked for: <c>#r "nuget: Name, Version"</c> or <c>#:package Name@Version</c>; no version means the newest stable.</summary>
public sealed record PackageSpec(string Name, string? Version)
{
    public const string NugetPrefix = "nuget:";

    /// <summary>Reads the text after "nuget:" ("Humanizer.Core, 2.14.1" or "Humanizer.Core/2.14.1").</summary>
    public static PackageSpec? TryParseReference(string reference)
    {
        if (!reference.TrimStart().StartsWith(NugetPrefix, StringComparison.OrdinalIgnoreCase))
            return null;
        var body = reference.TrimStart()[NugetPrefix.Length..];
        var parts = body.Split([',', '/'], 2, StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0)
            throw new ArgumentException("#r \"nuget:\" needs a package name, as in #r \"nuget: Humanizer.Core, 2.14.1\"");
        return new PackageSpec(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null);
    }

    public override string ToString() => Version is null ? Name : $"{Name} {Version}";
}
