using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp.Scripting.Hosting;

namespace CSharpKernel.Display;

/// <summary>Turns a value into a mime bundle; text/plain is always present.</summary>
public static class MimeFormatter
{
    public const string TextPlain = "text/plain";

    public static JsonObject Format(object? value) => new() { [TextPlain] = FormatPlain(value) };

    /// <summary>C# literal syntax, as the C# REPL prints values: strings quoted, collections listed.</summary>
    public static string FormatPlain(object? value) => CSharpObjectFormatter.Instance.FormatObject(value);
}
