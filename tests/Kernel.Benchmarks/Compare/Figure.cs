using System.Text.Json.Nodes;

namespace CSharpKernel.Benchmarks.Compare;

/// <summary>One row of the comparison: the same measurement of both kernels, and how ours compares.</summary>
internal sealed record Figure(string Name, string Unit, Summary? Ours, Summary? Theirs, string? Note = null, Goal? Goal = null)
{
    /// <summary>Ours over ipykernel, of the medians; null when either is missing.</summary>
    public double? Ratio => Ours is { } o && Theirs is { Median: > 0 } t ? o.Median / t.Median : null;

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["unit"] = Unit,
        ["ours"] = Json(Ours),
        ["ipykernel"] = Json(Theirs),
        ["ratio"] = Ratio,
        ["note"] = Note,
        ["goal"] = Goal is { } g ? new JsonObject { ["target"] = g.Target, ["met"] = Ours is { } o ? g.Met(o.Median, Theirs?.Median) : null } : null,
    };

    private static JsonObject? Json(Summary? s) => s is null ? null : new JsonObject
    {
        ["median"] = s.Median, ["p90"] = s.P90, ["min"] = s.Min, ["max"] = s.Max, ["count"] = s.Count,
    };
}
