using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;

namespace CSharpKernel.Cli;

/// <summary>
/// Papermill-style parameters: NAME=VALUE pairs become C# declarations in a cell injected right
/// after the cell tagged "parameters" (or first, when none is tagged), so they override its defaults.
/// </summary>
internal static class NotebookParameters
{
    public const string Tag = "parameters";
    public const string InjectedTag = "injected-parameters";

    public static IReadOnlyList<(string Name, string Literal)> Parse(IEnumerable<string> pairs) =>
        pairs.Select(pair =>
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
                throw new ArgumentException($"parameter '{pair}' is not NAME=VALUE");
            var name = pair[..equals].Trim();
            if (!SyntaxFacts.IsValidIdentifier(name))
                throw new ArgumentException($"parameter name '{name}' is not a C# identifier");
            return (name, Literal(pair[(equals + 1)..]));
        }).ToList();

    public static void Inject(JsonArray cells, IReadOnlyList<(string Name, string Literal)> parameters)
    {
        if (parameters.Count == 0)
            return;
        var source = "// Injected parameters\n" + string.Join("\n", parameters.Select(p => $"var {p.Name} = {p.Literal};"));
        var cell = new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = new JsonObject { ["tags"] = new JsonArray(InjectedTag) },
            ["outputs"] = new JsonArray(),
            ["source"] = source,
        };
        var tagged = cells.Select((c, i) => (c, i)).FirstOrDefault(x => HasTag(x.c!, Tag));
        cells.Insert(tagged.c is null ? 0 : tagged.i + 1, cell);
    }

    /// <summary>Numbers and booleans keep their type, as papermill infers them; anything else is a string.</summary>
    private static string Literal(string value)
    {
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
            return integer is >= int.MinValue and <= int.MaxValue ? integer.ToString(CultureInfo.InvariantCulture) : integer + "L";
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return number.ToString("R", CultureInfo.InvariantCulture) + "d";
        if (bool.TryParse(value, out var flag))
            return flag ? "true" : "false";
        return SymbolDisplay.FormatLiteral(value, quote: true);
    }

    private static bool HasTag(JsonNode cell, string tag) =>
        cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => t?.GetValue<string>() == tag);
}
