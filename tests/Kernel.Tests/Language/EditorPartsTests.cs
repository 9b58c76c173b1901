using System.Composition;
using System.Reflection;
using CSharpKernel.Language;

namespace CSharpKernel.Tests.Language;

/// <summary>
/// The editor's parts, read from metadata, are the parts MEF's reflection finds, but for the kinds
/// left out on purpose: a part missed would be a Roslyn service the workspace lacks, a completion
/// or an inspection gone.
/// </summary>
public sealed class EditorPartsTests
{
    [TestCaseSource(typeof(CSharpEditorHost), nameof(CSharpEditorHost.AssemblyNames))]
    public void Metadata_finds_every_part_reflection_finds(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var byReflection = assembly.DefinedTypes.Where(IsUsedPart).Select(t => t.FullName!)
            .Where(name => !EditorParts.UnusedProviders.Contains(name)).Order().ToList();

        var byMetadata = EditorParts.In(assembly).Select(t => t.FullName).Order().ToList();

        Assert.That(byReflection, Is.Not.Empty);
        Assert.That(byMetadata, Is.EqualTo(byReflection));
    }

    [TestCase("ExportCompletionProviderAttribute")]
    [TestCase("ExportQuickInfoProviderAttribute")]
    [TestCase("ExportLanguageServiceAttribute")]
    [TestCase("ExportWorkspaceServiceAttribute")]
    public void Every_part_of_a_kind_completion_and_inspection_use_is_kept(string kind)
    {
        var assemblies = CSharpEditorHost.AssemblyNames.Select(Assembly.Load).ToList();
        bool IsOfKind(Type type) => type.GetCustomAttributes(inherit: false).Any(a => a.GetType().Name == kind);
        var all = assemblies.SelectMany(a => a.DefinedTypes).Where(IsOfKind).Select(t => t.FullName!)
            .Where(name => !EditorParts.UnusedProviders.Contains(name)).Order().ToList();

        var kept = assemblies.SelectMany(EditorParts.In).Where(IsOfKind).Select(t => t.FullName).Order().ToList();

        Assert.That(all, Is.Not.Empty);
        Assert.That(kept, Is.EqualTo(all));
    }

    /// <summary>What MEF's attributed model composes (a type that exports itself or through a property), but for the unused kinds.</summary>
    private static bool IsUsedPart(TypeInfo type) =>
        type.GetCustomAttributes<ExportAttribute>(inherit: false).Any(IsUsed)
        || type.GetRuntimeProperties().Any(p => p.GetCustomAttributes<ExportAttribute>(inherit: false).Any(IsUsed));

    private static bool IsUsed(ExportAttribute export) => !EditorParts.UnusedKinds.Contains(export.GetType().Name);
}
