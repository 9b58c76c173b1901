using System.Composition;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CSharpKernel.Language;

/// <summary>
/// The MEF parts of an assembly, found in its metadata rather than by reflection. MEF's own
/// discovery asks reflection for every type the assembly defines and for each one's attributes:
/// for Roslyn's editor assemblies that loaded 11,217 types to find 605 parts, type data the
/// kernel then kept for good. Here the metadata tables say which types carry which attributes;
/// only the attribute types (a few hundred) and the parts are loaded. Parts of the kinds that
/// serve only the IDE's other features (code fixes and refactorings, highlighting, brace matching,
/// ...) are left out: about 330 of them, each one more type to load and describe.
/// </summary>
internal static class EditorParts
{
    /// <summary>Export attributes of parts that completion and quick info never ask for.</summary>
    public static readonly IReadOnlySet<string> UnusedKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "ExportCodeFixProviderAttribute",
        "ExportCodeRefactoringProviderAttribute",
        "ExportConfigurationFixProviderAttribute",
        "ExportSyntaxNodeOrganizerAttribute",
        "ExportHighlighterAttribute",
        "ExportBraceMatcherAttribute",
        "ExportBraceCompletionServiceAttribute",
        "ExportNewDocumentFormattingProviderAttribute",
        "ExportEmbeddedLanguageBraceMatcherAttribute",
        "ExportEmbeddedLanguageClassifierAttribute",
        "ExportEmbeddedLanguageDocumentHighlighterAttribute",
        "ExportRemoteServiceCallbackDispatcherAttribute",
        "IntentProviderAttribute",
        "LspBuildOnlyDiagnosticsAttribute",
    };

    /// <summary>
    /// Completion providers whose every item is a type or extension member from a namespace the
    /// cell does not import: an edit that adds a using, which <see cref="CellCompleter"/> drops
    /// because a Jupyter front end inserts plain text. Roslyn's public completion call still ran
    /// them to the end, indexing every type and extension method of every reference: memory and
    /// time for nothing.
    /// </summary>
    public static readonly IReadOnlySet<string> UnusedProviders = new HashSet<string>(StringComparer.Ordinal)
    {
        "Microsoft.CodeAnalysis.CSharp.Completion.Providers.TypeImportCompletionProvider",
        "Microsoft.CodeAnalysis.CSharp.Completion.Providers.ExtensionMemberImportCompletionProvider",
    };

    /// <summary>The types that export something, themselves or through a property, but for the unused kinds.</summary>
    public static IEnumerable<Type> In(Assembly assembly)
    {
        using var file = File.OpenRead(assembly.Location);
        using var image = new PEReader(file);
        var metadata = image.GetMetadataReader();
        var module = assembly.ManifestModule;
        var exporting = new Dictionary<EntityHandle, bool>();
        bool Exports(CustomAttributeHandleCollection attributes) =>
            attributes.Any(handle => IsUsedExport(module, metadata, AttributeType(metadata, metadata.GetCustomAttribute(handle).Constructor), exporting));

        var parts = new List<Type>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (UnusedProviders.Contains(FullName(metadata, type)))
                continue;
            if (Exports(type.GetCustomAttributes()) || type.GetProperties().Any(p => Exports(metadata.GetPropertyDefinition(p).GetCustomAttributes())))
                parts.Add(module.ResolveType(MetadataTokens.GetToken(handle)));
        }
        return parts;
    }

    /// <summary>MEF's <c>[Export]</c> or an attribute derived from it (<c>[ExportLanguageService]</c>, <c>[ExportCompletionProvider]</c>, ...), but for the unused kinds.</summary>
    private static bool IsUsedExport(Module module, MetadataReader metadata, EntityHandle attributeType, Dictionary<EntityHandle, bool> known)
    {
        if (attributeType.IsNil)
            return false;
        if (!known.TryGetValue(attributeType, out var exports))
        {
            // Only type references and definitions reach here, and an attribute is never generic over a part's parameters.
            var type = module.ResolveType(MetadataTokens.GetToken(metadata, attributeType));
            exports = typeof(ExportAttribute).IsAssignableFrom(type) && !UnusedKinds.Contains(type.Name);
            known[attributeType] = exports;
        }
        return exports;
    }

    private static string FullName(MetadataReader metadata, TypeDefinition type) =>
        type.Namespace.IsNil ? metadata.GetString(type.Name) : $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}";

    private static EntityHandle AttributeType(MetadataReader metadata, EntityHandle constructor)
    {
        var type = constructor.Kind switch
        {
            HandleKind.MemberReference => metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent,
            HandleKind.MethodDefinition => metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind is HandleKind.TypeReference or HandleKind.TypeDefinition ? type : default;
    }
}
