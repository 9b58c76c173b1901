namespace CSharpKernel.Benchmarks.Compare;

/// <summary>Timings gathered per kernel under one figure's name, summarised once all are in.</summary>
internal sealed class Samples
{
    private readonly Dictionary<string, List<double>> _byKernel = new();

    public void Add(Contender contender, double value)
    {
        if (!_byKernel.TryGetValue(contender.Name, out var values))
            _byKernel[contender.Name] = values = [];
        values.Add(value);
    }

    public Summary? Of(Contender? contender) =>
        contender is not null && _byKernel.TryGetValue(contender.Name, out var values) && values.Count > 0 ? Summary.Of(values) : null;
}
