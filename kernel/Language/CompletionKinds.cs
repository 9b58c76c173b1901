using System.Collections.Immutable;

namespace CSharpKernel.Language;

/// <summary>The kind a front end shows beside a match, from Roslyn's completion tags.</summary>
internal static class CompletionKinds
{
    public const string Magic = "magic";

    private static readonly Dictionary<string, string> ByTag = new(StringComparer.Ordinal)
    {
        ["Class"] = "class",
        ["Structure"] = "struct",
        ["Interface"] = "interface",
        ["Enum"] = "enum",
        ["Delegate"] = "delegate",
        ["Record"] = "record",
        ["RecordStruct"] = "struct",
        ["Module"] = "module",
        ["Namespace"] = "namespace",
        ["Method"] = "method",
        ["ExtensionMethod"] = "method",
        ["Property"] = "property",
        ["Field"] = "field",
        ["Event"] = "event",
        ["EnumMember"] = "enum member",
        ["Constant"] = "constant",
        ["Local"] = "variable",
        ["Parameter"] = "parameter",
        ["RangeVariable"] = "variable",
        ["TypeParameter"] = "type parameter",
        ["Label"] = "label",
        ["Keyword"] = "keyword",
        ["Intrinsic"] = "keyword",
        ["Snippet"] = "snippet",
    };

    public static string Of(ImmutableArray<string> tags)
    {
        foreach (var tag in tags)
        {
            if (ByTag.TryGetValue(tag, out var kind))
                return kind;
        }
        return "text";
    }
}
