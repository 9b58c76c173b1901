namespace CSharpKernel.Benchmarks.Compare;

/// <summary>One kind of soak cell and the growth per cell the issue allows it.</summary>
internal sealed record SoakKind(string Name, Func<SoakCode, Func<int, string>[]> Variants, double GrowthGoalKiB)
{
    public static readonly SoakKind[] All =
    [
        new("trivial", c => c.Trivial, 40),
        new("variables", c => c.Variables, 40),
        new("declarations", c => c.Declarations, 120),
    ];

    public string Cell(SoakCode code, int k)
    {
        var variants = Variants(code);
        return variants[k % variants.Length](k);
    }
}
