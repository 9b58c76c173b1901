using System.Text.Json.Nodes;
using CSharpKernel.Magics.Syntax;
using CSharpKernel.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;

namespace CSharpKernel.Language;

/// <summary>
/// complete_request: Roslyn's completion at the cursor, narrowed to what the word typed so far
/// starts with, or the command names after a <c>%</c>, <c>%%</c> or <c>#!</c> where <see cref="MagicSyntax"/>
/// reads a command, and nothing in the body of a <c>#!html</c> cell, which is not C#. Positions in and out are code points.
/// </summary>
internal static class CellCompleter
{
    /// <summary>A front end shows the first matches; past these, signatures would only cost time.</summary>
    private const int SignedItems = 100;

    private const string TypesKey = "_jupyter_types_experimental";

    /// <param name="document">The cell's C# as <see cref="MagicCell.CSharpWithArguments"/> of <paramref name="cell"/>, in the workspace.</param>
    public static CompleteReply Complete(Document document, MagicCell cell, int cursor, IReadOnlyList<string> magicNames)
    {
        var code = cell.Code;
        if (cell.CommandBeingTyped(cursor) is { } command)
        {
            IReadOnlyList<string> names = command.Prefix == MagicSyntax.HashBangPrefix
                ? [.. MagicSyntax.HashBangSpellings.Keys.Append(MagicSyntax.CSharpKernelName).Order(StringComparer.Ordinal)]
                : magicNames;
            return Magics(code, command.Start, command.Prefix, cursor, names);
        }
        if (cell.InForeignBody(cursor))
            return Reply(CodePoints.FromUtf16(code, cursor), CodePoints.FromUtf16(code, cursor), [], []);

        var service = CompletionService.GetService(document)
                      ?? throw new InvalidOperationException("the workspace has no C# completion service");
        var list = service.GetCompletionsAsync(document, cursor).GetAwaiter().GetResult();
        var span = list.Span;
        var typed = code[span.Start..Math.Max(span.Start, cursor)];
        var items = list.ItemsList
            // A complex edit (a type from a namespace not imported, which needs a using) would not
            // compile as the plain text a Jupyter front end inserts.
            .Where(item => !item.IsComplexTextEdit && item.FilterText.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(item => item.FilterText.StartsWith(typed, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(item => item.SortText, StringComparer.OrdinalIgnoreCase)
            .DistinctBy(InsertionText)
            .ToList();

        var signatures = new CompletionSignatures(document.GetSemanticModelAsync().GetAwaiter().GetResult()!, span.Start);
        var (start, end) = (CodePoints.FromUtf16(code, span.Start), CodePoints.FromUtf16(code, span.End));
        var matches = new List<string>(items.Count);
        var types = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            var text = InsertionText(items[i]);
            matches.Add(text);
            var signature = i < SignedItems ? signatures.For(items[i].DisplayText) : "";
            types.Add(TypeEntry(start, end, text, CompletionKinds.Of(items[i].Tags), signature));
        }
        return Reply(start, end, matches, types);
    }

    /// <summary>A line magic after <c>%</c>, a cell magic after <c>%%</c>, a command after <c>#!</c>: the command decides which forms it accepts.</summary>
    private static CompleteReply Magics(string code, int start, string prefix, int cursor, IReadOnlyList<string> magicNames)
    {
        var typed = code[start..cursor];
        var end = cursor;
        while (end < code.Length && char.IsLetterOrDigit(code[end]))
            end++;
        var matches = magicNames.Where(MagicSyntax.IsListed).Select(name => prefix + name).Where(name => name.StartsWith(typed, StringComparison.Ordinal)).ToList();
        var (first, last) = (CodePoints.FromUtf16(code, start), CodePoints.FromUtf16(code, end));
        var types = new JsonArray([.. matches.Select(name => TypeEntry(first, last, name, CompletionKinds.Magic, ""))]);
        return Reply(first, last, matches, types);
    }

    /// <summary>A reply; its positions are already code points.</summary>
    private static CompleteReply Reply(int start, int end, IReadOnlyList<string> matches, JsonArray types) =>
        new()
        {
            Matches = matches,
            CursorStart = start,
            CursorEnd = end,
            Metadata = new JsonObject { [TypesKey] = types },
        };

    private static JsonObject TypeEntry(int start, int end, string text, string type, string signature) =>
        new()
        {
            ["start"] = start,
            ["end"] = end,
            ["text"] = text,
            ["type"] = type,
            ["signature"] = signature,
        };

    private static string InsertionText(CompletionItem item) =>
        item.Properties.TryGetValue("InsertionText", out var insertion) && !string.IsNullOrEmpty(insertion)
            ? insertion
            : item.DisplayText;
}
