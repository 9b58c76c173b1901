using CSharpKernel.Tests.Harness;
using CSharpKernel.Tests.Packages;

namespace CSharpKernel.Tests.Display;

/// <summary>Packages that ship .NET Interactive kernel extensions show their values as those extensions format them.</summary>
public sealed class KernelExtensionTests : PackageFixture
{
    private static string Html(ExecutionResult result) =>
        result.OfType("execute_result").Single().Content.GetProperty("data").GetProperty("text/html").GetString()!;

    [Test]
    public void A_DataFrame_is_an_html_table_of_its_columns_and_rows()
    {
        var result = Client.Execute("""
            #r "nuget: Microsoft.Data.Analysis, 0.23.1"
            using Microsoft.Data.Analysis;
            new DataFrame(new StringDataFrameColumn("City", new[] { "Oslo", "Lima" }), new Int32DataFrameColumn("Population", new[] { 709000, 10092000 }))
            """, timeout: RestoreTimeout);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(result.Stderr, Is.Empty);
        var html = Html(result);
        Assert.That(html, Does.Contain("<table").And.Contain("City").And.Contain("Population").And.Contain("Oslo").And.Contain("10092000"));
        Assert.That(Client.Execute("new List<int> { 1 }.Display();").Stdout, Is.Empty, "a display is not also written as text once the extension's kernel exists");
    }

    [Test]
    public void A_Plotly_chart_is_plotly_html_with_its_script()
    {
        var result = Client.Execute("""
            #r "nuget: Plotly.NET.Interactive, 6.0.0"
            #r "nuget: Plotly.NET.CSharp, 0.14.0"
            Plotly.NET.CSharp.Chart.Column<int, string, string>(values: new[] { 3, 5 }, Keys: new[] { "a", "b" })
            """, timeout: RestoreTimeout);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        var html = Html(result);
        Assert.That(html, Does.Contain("<script").And.Contain("Plotly.newPlot").And.Contain("plotly"));
    }

    [Test]
    public void The_kernel_has_one_copy_of_the_Interactive_assemblies_after_loading_extensions()
    {
        Client.Execute("#r \"nuget: Microsoft.Data.Analysis, 0.23.1\"", timeout: RestoreTimeout);
        var copies = Client.Execute("AppDomain.CurrentDomain.GetAssemblies().Count(a => a.GetName().Name == \"Microsoft.DotNet.Interactive.Formatting\")");
        Assert.That(copies.Result, Is.EqualTo("1"));
    }
}
