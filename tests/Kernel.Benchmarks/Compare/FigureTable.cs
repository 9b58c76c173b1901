using System.Text.Json.Nodes;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>The figures as a table on the console and as JSON in a file.</summary>
internal static class FigureTable
{
    public static void Print(IReadOnlyList<Figure> figures, TextWriter output, string theirs = "ipykernel")
    {
        // The name column is as wide as the longest name, so that the columns stay aligned whatever the suites.
        var width = Math.Max(46, figures.Select(f => f.Name.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"{"figure".PadRight(width)} {"unit",-4} | {"ours: median",12} {"p90",8} {"min",8} {"max",8} {"n",5} | {theirs + ": median",17} {"p90",8} {"min",8} {"max",8} {"n",5} | {"ratio",6}");
        foreach (var figure in figures)
        {
            var ratio = figure.Ratio is { } r ? $"{r,6:F2}" : $"{"-",6}";
            var digits = Digits(figure.Unit);
            output.WriteLine($"{figure.Name.PadRight(width)} {figure.Unit,-4} | {Cells(figure.Ours, 12, digits)} | {Cells(figure.Theirs, 17, digits)} | {ratio}");
            if (figure.Note is { } note)
                output.WriteLine($"    {note}");
        }
    }

    public static void Write(IReadOnlyList<Figure> figures, string path, JsonObject about)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        about["figures"] = new JsonArray(figures.Select(f => (JsonNode)f.ToJson()).ToArray());
        File.WriteAllText(path, about.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Ratios (unit "x") are read against targets such as 1.2, so they keep two decimals; the rest one.</summary>
    public static string Digits(string unit) => unit == "x" ? "F2" : "F1";

    private static string Cells(Summary? s, int firstWidth, string digits) => s is null
        ? $"{"n/a".PadLeft(firstWidth)} {"",8} {"",8} {"",8} {"",5}"
        : $"{s.Median.ToString(digits).PadLeft(firstWidth)} {s.P90.ToString(digits),8} {s.Min.ToString(digits),8} {s.Max.ToString(digits),8} {s.Count,5}";
}
