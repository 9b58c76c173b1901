namespace CSharpKernel.Benchmarks.Compare;

/// <summary>The figures that carry a goal, one line each: ours, the other kernel's, the target, met or not.</summary>
internal static class GoalTable
{
    public static void Print(IReadOnlyList<Figure> figures, TextWriter output, string theirs = "ipykernel")
    {
        var withGoals = figures.Where(f => f.Goal is not null).ToList();
        if (withGoals.Count == 0)
            return;
        output.WriteLine();
        output.WriteLine("goals");
        output.WriteLine($"{"goal",-62} | {"ours",12} | {theirs,12} | {"target",-22} | met");
        foreach (var figure in withGoals)
        {
            var met = figure.Ours is { } ours ? figure.Goal!.Met(ours.Median, figure.Theirs?.Median) : null;
            var verdict = met switch { true => "met", false => "NOT met", null => "n/a" };
            output.WriteLine($"{figure.Name,-62} | {Value(figure.Ours, figure.Unit),12} | {Value(figure.Theirs, figure.Unit),12} | {figure.Goal!.Target,-22} | {verdict}");
        }
    }

    private static string Value(Summary? s, string unit) => s is null ? "n/a" : $"{s.Median.ToString(FigureTable.Digits(unit))} {unit}";
}
