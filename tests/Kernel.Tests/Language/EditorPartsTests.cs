using System.Composition;
using System.Reflection;
using CSharpKernel.Language;

namespace CSharpKernel.Tests.Language;

/// <summary>
/// The editor's parts, read from metadata, are the parts MEF's reflection finds: a part missed
/// would be a Roslyn service the workspace lacks, a completion or an inspection gone.
/// </summary>
public sealed class EditorPartsTests
{
    [TestCaseSource(typeof(CSharpEditorHost), nameof(CSharpEditorHost.AssemblyNames))]
    public void Metadata_finds_every_part_reflection_finds(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var byReflection = assembly.DefinedTypes.Where(IsPart).Select(t => t.FullName).Order().ToList();

        var byMetadata = EditorParts.In(assembly).Where(t => IsPart(t.GetTypeInfo())).Select(t => t.FullName).Order().ToList();

        Assert.That(byReflection, Is.Not.Empty);
        Assert.That(byMetadata, Is.EqualTo(byReflection));
        TestContext.Out.WriteLine($"{assemblyName}: {byMetadata.Count} parts");
        foreach (var group in EditorParts.In(assembly).SelectMany(t => t.GetCustomAttributes<ExportAttribute>(false)).GroupBy(a => a.GetType().Name).OrderByDescending(g => g.Count()))
            TestContext.Out.WriteLine($"  {group.Key} {group.Count()}");
    }

    /// <summary>What MEF's attributed model composes: a type that exports itself or through a property.</summary>
    private static bool IsPart(TypeInfo type) =>
        type.GetCustomAttributes<ExportAttribute>(inherit: false).Any()
        || type.GetRuntimeProperties().Any(p => p.GetCustomAttributes<ExportAttribute>(inherit: false).Any());
}
