using System.Collections.Immutable;
using CSharpKernel.Execution.Packages;
using Microsoft.CodeAnalysis;

namespace CSharpKernel.Language;

/// <summary>
/// The session's <c>#r</c> resolver, made safe for the editor: a cell that already ran has its
/// packages restored, so asking again only returns them; the text being edited never triggers a
/// restore (that would download packages, and show progress, on every keystroke).
/// </summary>
internal sealed class WorkspaceReferenceResolver : MetadataReferenceResolver
{
    /// <summary>The file path the edited text carries, so <c>#r</c> lines in it can be told apart.</summary>
    public const string EditPath = "edit.csx";

    private readonly MetadataReferenceResolver _session;

    public WorkspaceReferenceResolver(MetadataReferenceResolver session) => _session = session;

    public override bool ResolveMissingAssemblies => _session.ResolveMissingAssemblies;

    public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties)
    {
        if (PackageSpec.TryParseReference(reference) is not null && baseFilePath == EditPath)
            return [];
        try
        {
            return _session.ResolveReference(reference, baseFilePath, properties);
        }
        catch (Exception)
        {
            // A reference the editor cannot resolve only means fewer completions, never a failed request.
            return [];
        }
    }

    /// <summary>A facade of the reference pack before the session's own, which would bring in the runtime's assemblies beside the pack's.</summary>
    public override PortableExecutableReference? ResolveMissingAssembly(MetadataReference definition, AssemblyIdentity referenceIdentity) =>
        WorkspaceReferences.Facade(referenceIdentity) ?? _session.ResolveMissingAssembly(definition, referenceIdentity);

    public override bool Equals(object? other) => other is WorkspaceReferenceResolver resolver && resolver._session.Equals(_session);

    public override int GetHashCode() => _session.GetHashCode();
}
