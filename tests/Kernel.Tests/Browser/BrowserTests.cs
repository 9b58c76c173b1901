using System.Text.Json.Nodes;
using CSharpKernel.Tests.Clients;
using Microsoft.Playwright;

namespace CSharpKernel.Tests.Browser;

/// <summary>
/// The whole path a notebook user takes: the classic Notebook page in headless Chromium, cells
/// run by the kernel through the server's websocket, outputs rendered in the page.
/// </summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public async Task A_notebook_page_runs_csharp_cells_and_renders_an_html_table()
    {
        DebianJupyter.RequireProgram(Chromium, "chromium");
        DebianJupyter.RequireModules(new Dictionary<string, string> { ["notebook.notebookapp"] = "python3-notebook" });
        using var sandbox = JupyterSandbox.Create("browser");
        using var server = NotebookServer.Start(sandbox);
        WriteNotebook(Path.Combine(server.NotebookDirectory, "planets.ipynb"), sandbox.KernelName);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        await page.GotoAsync(server.Url("notebooks/planets.ipynb"));
        await page.WaitForFunctionAsync("() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()",
            null, new PageWaitForFunctionOptions { Timeout = 60_000 });

        await page.EvaluateAsync("() => Jupyter.notebook.execute_all_cells()");

        var table = page.Locator(".output_html table");
        await table.Locator("td", new LocatorLocatorOptions { HasText = "Mercury" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await page.Locator("#greeting").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await page.Locator(".output_prompt", new PageLocatorOptions { HasText = "Out[2]" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

        var headers = await table.Locator("th").AllInnerTextsAsync();
        Assert.That(headers, Is.SupersetOf(new[] { "Name", "RadiusKm" }));
        Assert.That(await table.Locator("tbody tr").CountAsync(), Is.EqualTo(3));
        Assert.That(await page.Locator("#greeting").InnerTextAsync(), Is.EqualTo("Hello from C#"));
        var result = await page.Locator(".output_subarea.output_text").Last.InnerTextAsync();
        Assert.That(result.Trim(), Is.EqualTo("42"));

        var screenshot = Path.Combine(ArtifactsDirectory(), "browser-notebook.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        TestContext.AddTestAttachment(screenshot, "the notebook page after running its cells");
        TestContext.Out.WriteLine($"screenshot: {screenshot}");
    }

    private static void WriteNotebook(string path, string kernelName)
    {
        static JsonObject Code(string source) => new()
        {
            ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["source"] = source,
        };
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(
                Code("record Planet(string Name, double RadiusKm);\nvar planets = new List<Planet> { new(\"Mercury\", 2439.7), new(\"Venus\", 6051.8), new(\"Earth\", 6371.0) };\nplanets"),
                Code("display(Html(\"<h3 id='greeting'>Hello from C#</h3>\"));\n6 * 7")),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["name"] = kernelName, ["display_name"] = "C#", ["language"] = "csharp" },
                ["language_info"] = new JsonObject { ["name"] = "csharp" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, notebook.ToJsonString());
    }

    /// <summary>The repository's artifacts/ folder (ignored by git), where CI keeps what tests leave to look at.</summary>
    private static string ArtifactsDirectory()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Kernel.sln")))
            directory = directory.Parent;
        var artifacts = Path.Combine(directory?.FullName ?? TestContext.CurrentContext.TestDirectory, "artifacts");
        Directory.CreateDirectory(artifacts);
        return artifacts;
    }
}
