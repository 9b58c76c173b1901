using CSharpKernel.Tests.Harness;
using CSharpKernel.Tests.Notebooks;

namespace CSharpKernel.Tests.Security;

/// <summary>
/// The allowed side of the sandbox: every notebook of notebooks/ that needs no refused API runs
/// unchanged at the sandbox level, each cell failing only where it is tagged to (as under
/// nbclient). The others are named with the cells that need what the sandbox refuses, and those
/// cells are refused by the policy, not by some other error. A notebook whose metadata names
/// another level is written for that level and is run there by its own test (sandbox.ipynb:
/// <see cref="RestrictedLevelNotebookTests"/>).
/// </summary>
public sealed class SandboxNotebookTests
{
    /// <summary>The cells that need a refused API, by notebook; a notebook whose later cells build on them is checked no further.</summary>
    private static readonly Dictionary<string, (string[] Cells, bool RestDependsOnThem)> NeedRefusedApis = new()
    {
        // Writes and reads a CSV file, and restores packages (DataFrame, Plotly) with #r "nuget:".
        ["data.ipynb"] = (["packages", "write-csv"], true),
        // Shows an image from a file (File.WriteAllBytes, Kernel.ImageFile, File.Delete), and HTML made with
        // .NET Interactive's PocketView, whose tags are dynamic.
        ["display.ipynb"] = (["image-file", "interactive-formatter"], false),
        // #r "nuget:", #:package, Reflection.Emit, File, #r of a DLL and #load: what the notebook is about.
        ["packages.ipynb"] = (["nuget"], true),
    };

    public static IEnumerable<string> Notebooks() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order()!;

    [TestCaseSource(nameof(Notebooks))]
    public void Each_notebook_runs_unchanged_at_sandbox_but_for_the_cells_that_need_refused_apis(string name)
    {
        var level = NotebookFile.Load(name).Level;
        if (level is not null and not "sandbox")
            Assert.Ignore($"{name} names its level ({level}) in its metadata, and its own test runs it there");
        var (refused, restDepends) = NeedRefusedApis.GetValueOrDefault(name, ([], false));
        using var kernel = KernelProcess.Start("sandbox-notebook", new Dictionary<string, string> { ["CSHARP_KERNEL_POLICY"] = "sandbox" },
            workingDirectory: Directory.CreateTempSubdirectory("kernel-sandbox-notebook-").FullName);
        using var client = new KernelClient(kernel);
        client.WaitForReady();
        var cells = NotebookFile.Load(name).CodeCells;
        Assert.Multiple(() =>
        {
            var checking = true;
            foreach (var cell in cells)
            {
                var result = client.Execute(cell.Source, stopOnError: false, timeout: TimeSpan.FromMinutes(2));
                var ename = result.Error?.Str("ename");
                if (refused.Contains(cell.Id))
                {
                    Assert.That(ename, Is.EqualTo("PolicyRefusal"), $"{name}: {cell}\n{result}");
                    checking = !restDepends;
                }
                else if (checking)
                {
                    Assert.That(ename, cell.RaisesException ? Is.Not.Null.And.Not.EqualTo("PolicyRefusal") : Is.Null, $"{name}: {cell}\n{result}");
                }
            }
        });
    }
}
