using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp.Scripting.Hosting;
using Microsoft.CodeAnalysis.Scripting.Hosting;

namespace CSharpKernel.Display;

/// <summary>C# literal syntax, as the C# REPL prints values: strings quoted, collections listed.</summary>
internal static class PlainTextFormatter
{
    private static readonly PrintOptions Options = new() { MaximumOutputLength = 4096, MemberDisplayFormat = MemberDisplayFormat.SingleLine };

    // Types declared in cells are nested in Roslyn's submission classes: the user wrote Point, not Submission#3.Point.
    private static readonly Regex SubmissionPrefix = new(@"\bSubmission#\d+\.", RegexOptions.CultureInvariant);

    public static string Format(object? value)
    {
        var text = CSharpObjectFormatter.Instance.FormatObject(value, Options);
        return value is string ? text : SubmissionPrefix.Replace(text, "");
    }

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(int)] = "int", [typeof(long)] = "long", [typeof(short)] = "short", [typeof(byte)] = "byte",
        [typeof(uint)] = "uint", [typeof(ulong)] = "ulong", [typeof(ushort)] = "ushort", [typeof(sbyte)] = "sbyte",
        [typeof(double)] = "double", [typeof(float)] = "float", [typeof(decimal)] = "decimal", [typeof(bool)] = "bool",
        [typeof(char)] = "char", [typeof(string)] = "string", [typeof(object)] = "object",
    };

    /// <summary>A type as C# spells it: <c>List&lt;int&gt;</c>, <c>string[]</c>.</summary>
    public static string TypeName(Type type)
    {
        if (Keywords.TryGetValue(type, out var keyword))
            return keyword;
        if (type.IsArray)
            return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return TypeName(underlying) + "?";
        if (!type.IsGenericType)
            return type.Name;
        var name = type.Name[..type.Name.IndexOf('`')];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
    }
}
