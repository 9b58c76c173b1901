using CSharpKernel.Execution;
using CSharpKernel.Language;
using Microsoft.CodeAnalysis;

namespace CSharpKernel.Tests.Language;

/// <summary>
/// The completion workspace references the reference pack's assemblies that define types; a
/// library compiled against one of its facades (System.Core, as .NET Framework libraries are)
/// gets the pack's facade, which forwards to the pack's own assemblies, not the runtime's.
/// </summary>
public sealed class WorkspaceReferencesTests
{
    [Test]
    public void A_facade_is_no_reference_but_resolves_from_the_pack_when_a_library_asks_for_it()
    {
        var paths = WorkspaceReferences.Shared.OfType<PortableExecutableReference>().Select(r => r.FilePath!).ToList();
        var pack = Path.GetDirectoryName(paths.Single(p => Path.GetFileName(p) == "System.Runtime.dll"))!;
        Assume.That(Path.Exists(Path.Combine(pack, "System.Runtime.xml")), "the SDK's reference pack is installed");

        Assert.That(paths.Select(Path.GetFileNameWithoutExtension), Does.Not.Contain("System.Core").And.Contain("System.Linq").And.Contain("netstandard"));
        var resolver = new WorkspaceReferenceResolver(DefaultScriptOptions.CreateForSession().MetadataResolver);
        var library = MetadataReference.CreateFromFile(typeof(WorkspaceReferencesTests).Assembly.Location);
        var facade = resolver.ResolveMissingAssembly(library, new AssemblyIdentity("System.Core", new Version(4, 0, 0, 0)));
        Assert.That(facade?.FilePath, Is.EqualTo(Path.Combine(pack, "System.Core.dll")));
    }
}
