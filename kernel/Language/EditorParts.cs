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
/// only the attribute types (a few hundred) and the parts are loaded.
/// </summary>
internal static class EditorParts
{
    /// <summary>The types that export something, themselves or through a property.</summary>
    public static IEnumerable<Type> In(Assembly assembly)
    {
        using var file = File.OpenRead(assembly.Location);
        using var image = new PEReader(file);
        var metadata = image.GetMetadataReader();
        var module = assembly.ManifestModule;
        var exporting = new Dictionary<EntityHandle, bool>();
        bool Exports(CustomAttributeHandleCollection attributes) =>
            attributes.Any(handle => IsExport(module, metadata, AttributeType(metadata, metadata.GetCustomAttribute(handle).Constructor), exporting));

        var parts = new List<Type>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (Exports(type.GetCustomAttributes()) || type.GetProperties().Any(p => Exports(metadata.GetPropertyDefinition(p).GetCustomAttributes())))
                parts.Add(module.ResolveType(MetadataTokens.GetToken(handle)));
        }
        return parts;
    }

    /// <summary>MEF's <c>[Export]</c> or an attribute derived from it (<c>[ExportLanguageService]</c>, <c>[ExportCompletionProvider]</c>, ...).</summary>
    private static bool IsExport(Module module, MetadataReader metadata, EntityHandle attributeType, Dictionary<EntityHandle, bool> known)
    {
        if (attributeType.IsNil)
            return false;
        if (!known.TryGetValue(attributeType, out var exports))
        {
            // Only type references and definitions reach here, and an attribute is never generic over a part's parameters.
            exports = typeof(ExportAttribute).IsAssignableFrom(module.ResolveType(MetadataTokens.GetToken(metadata, attributeType)));
            known[attributeType] = exports;
        }
        return exports;
    }

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
