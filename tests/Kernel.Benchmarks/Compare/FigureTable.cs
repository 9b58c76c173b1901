using System.Text.Json.Nodes;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>The figures as a table on the console and as JSON in a file.</summary>
internal static class FigureTable
{
    public static void Print(IReadOnlyList<Figure> figures, TextWriter output, string theirs = "ipykernel")
    {
        output.WriteLine($"{"figure",-46} {"unit",-4} | {"ours: median",12} {"p90",8} {"min",8} {"max",8} {"n",5} | {theirs + ": median",17} {"p90",8} {"min",8} {"max",8} {"n",5} | {"ratio",6}");
        foreach (var figure in figures)
        {
            var ratio = figure.Ratio is { } r ? $"{r,6:F2}" : $"{"-",6}";
            output.WriteLine($"{figure.Name,-46} {figure.Unit,-4} | {Cells(figure.Ours, 12)} | {Cells(figure.Theirs, 17)} | {ratio}");
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

    private static string Cells(Summary? s, int firstWidth) => s is null
        ? $"{"n/a".PadLeft(firstWidth)} {"",8} {"",8} {"",8} {"",5}"
        : $"{s.Median.ToString("F1").PadLeft(firstWidth)} {s.P90,8:F1} {s.Min,8:F1} {s.Max,8:F1} {s.Count,5}";
}
