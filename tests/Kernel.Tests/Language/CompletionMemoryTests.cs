using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Language;

/// <summary>
/// A front end asks for completions between cells (JupyterLab on Tab, VS Code as you type). What
/// the kernel keeps for that must not grow faster than what the cells themselves keep: two
/// kernels run the same cells, one of them with completions after each, and their resident memory
/// is compared once each has collected its garbage.
/// </summary>
public sealed class CompletionMemoryTests
{
    private const int Cells = 150;

    /// <summary>
    /// Aggressive, so the collector also returns the memory it no longer needs: resident memory
    /// then tells what the kernel keeps, not how large its heap once was.
    /// </summary>
    private const string Settle =
        "GC.Collect(2, GCCollectionMode.Aggressive, true, true);\nGC.WaitForPendingFinalizers();\nGC.Collect(2, GCCollectionMode.Aggressive, true, true);";

    [Test]
    public void Completions_between_cells_keep_little_more_than_the_cells_themselves()
    {
        using var alone = new MeasuredKernel();
        using var typed = new MeasuredKernel();
        for (var cell = 0; cell < Cells; cell++)
        {
            alone.Run(CellText(cell));
            typed.Run(CellText(cell));
            typed.Complete($"Math.Max(t{cell}, t");
        }
        Assert.That(typed.Complete($"t{Cells - 1}"), Does.Contain($"t{Cells - 1}"), "the completions saw every cell");

        var cellsAlone = alone.GrowthMiB();
        var withCompletions = typed.GrowthMiB();
        TestContext.Out.WriteLine($"{Cells} cells: resident growth {cellsAlone:F1} MiB alone, {withCompletions:F1} MiB with completions");
        Assert.That(cellsAlone, Is.GreaterThan(0), "the cells themselves take memory");
        // Each cell's mirror in the editor's workspace, a compilation of its own, cost about half of
        // what the cell itself keeps (150 cells: 45 MiB alone, 68 with completions); when each mirror
        // listed every reference again, the cost grew with the square of the cells (42 MiB alone, 133
        // with completions). Folded into one submission of their declarations, the cells cost the
        // workspace little; what remains is mostly the completion services' own code and caches
        // (43 MiB alone, 55 with completions). Resident growth over 150 cells varies by a quarter from
        // run to run on a busy machine (alone: 26 to 44 MiB), so the bound leaves room for that.
        Assert.That(withCompletions, Is.LessThanOrEqualTo(cellsAlone * 1.5 + 8),
            $"what {Cells} cells keep with completions between them, against what they keep alone ({cellsAlone:F1} MiB)");
    }

    private static string CellText(int cell) => cell == 0 ? "var t0 = 0;" : $"var t{cell} = t{cell - 1} + 1;";

    /// <summary>A kernel whose language services have warmed up, with its resident memory read once it has settled.</summary>
    private sealed class MeasuredKernel : IDisposable
    {
        private readonly KernelProcess _kernel;
        private readonly KernelClient _client;
        private readonly long _startKiB;

        public MeasuredKernel()
        {
            // The debug log says when the background warm-up has finished, so its garbage is not counted as growth.
            _kernel = KernelProcess.Start("memory-key", new Dictionary<string, string> { ["CSHARP_KERNEL_DEBUG"] = "1" });
            _client = new KernelClient(_kernel);
            _client.WaitForReady();
            Run("var warm = 1;");
            Complete("war");
            Assert.That(_kernel.WaitForStderr("language services warm", KernelClient.DefaultTimeout), Is.True, _kernel.Stderr);
            _startKiB = SettledKiB();
        }

        public void Run(string code) => Assert.That(_client.Execute(code).Status, Is.EqualTo("ok"), code);

        /// <summary>The matches; the request's busy and idle are read too, as a front end reads them.</summary>
        public List<string> Complete(string code)
        {
            var id = _client.Send("shell", "complete_request", new JsonObject { ["code"] = code, ["cursor_pos"] = code.Length });
            var reply = _client.WaitForReply("shell", id, KernelClient.DefaultTimeout);
            _client.IopubUntilIdle(id);
            return [.. reply.Content.GetProperty("matches").EnumerateArray().Select(m => m.GetString()!)];
        }

        public double GrowthMiB() => (SettledKiB() - _startKiB) / 1024.0;

        public void Dispose()
        {
            _client.Dispose();
            _kernel.Dispose();
        }

        private long SettledKiB()
        {
            Run(Settle);
            var line = File.ReadLines($"/proc/{_kernel.Process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]);
        }
    }
}
