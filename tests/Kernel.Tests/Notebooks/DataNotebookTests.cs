namespace CSharpKernel.Tests.Notebooks;

/// <summary>
/// notebooks/data.ipynb: a DataFrame from a CSV the notebook writes, a Plotly.NET chart and a
/// PocketView summary, each shown as its package's kernel extension (or PocketView) renders it.
/// </summary>
public sealed class DataNotebookTests : NotebookFixture
{
    private readonly string _cache = Directory.CreateTempSubdirectory("kernel-notebook-data-").FullName;

    public DataNotebookTests()
    {
        Expectations = new Dictionary<string, CellExpectation>
        {
            ["packages"] = new()
            {
                Displays = ["Restoring"],
                Updates = ["Installed"],
                Also = result => Assert.That(Data(result.OfType("update_display_data").Single(), "text/plain"),
                    Does.Contain("Microsoft.Data.Analysis").And.Contain("Plotly.NET.Interactive").And.Contain("Plotly.NET.CSharp")),
            },
            ["write-csv"] = new() { Result = "5" },
            ["load"] = new()
            {
                ResultContains = "cherries  5         6.5",
                Html = ["<table", "<th>Fruit</th>", "<th>Kilos</th>", "<th>Price</th>", "<td>cherries</td>", "<pre>6.5</pre>"],
            },
            ["compute"] = new() { ResultContains = "Revenue", Html = ["<th>Revenue</th>", "<pre>32.5</pre>"] },
            ["chart"] = new() { ResultContains = "data: Trace2D", Html = ["Plotly.newPlot", "\"cherries\"", "cdn.plot.ly"] },
            ["summary"] = new()
            {
                ResultContains = "Summary",
                Html = ["<div style=\"border-left: 4px solid #4c8; padding-left: 8px\"><h3>Summary</h3><p>4 fruits &lt;from the CSV&gt;, best seller: <b>cherries</b></p></div>"],
            },
            ["tidy"] = new() { Result = "false" },
        };
    }

    protected override string NotebookName => "data.ipynb";

    private protected override IReadOnlyDictionary<string, CellExpectation> Expectations { get; }

    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["CSHARP_KERNEL_PACKAGE_CACHE"] = _cache };

    /// <summary>The first restore of the packages on a clean machine downloads them.</summary>
    protected override TimeSpan CellTimeout => TimeSpan.FromMinutes(4);

    [OneTimeTearDown]
    public void RemoveCache() => Directory.Delete(_cache, recursive: true);
}
