using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Packages;

/// <summary>
/// Big packages with native code, in one fixture so that their restores share a kernel: ScottPlot
/// draws with SkiaSharp, whose libSkiaSharp.so comes from runtimes/linux-x64/native; Microsoft.ML
/// trains a model.
/// </summary>
public sealed class NativePackageTests : KernelFixture
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(4);
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly PackageCacheFolder _cache = new();

    protected override IReadOnlyDictionary<string, string> Environment =>
        new Dictionary<string, string> { ["CSHARP_KERNEL_PACKAGE_CACHE"] = _cache.Path };

    [OneTimeTearDown]
    public void RemoveCache() => _cache.Dispose();

    [Test]
    public void ScottPlot_draws_a_png_through_its_native_skia_library_and_the_cell_displays_it()
    {
        var result = Client.Execute("""
            #r "nuget: ScottPlot, 5.1.59"
            var plot = new ScottPlot.Plot();
            plot.Add.Scatter(new double[] { 1, 2, 3, 4 }, new double[] { 1, 4, 9, 16 });
            plot.Title("squares");
            display(Kernel.Image(plot.GetImageBytes(400, 300, ScottPlot.ImageFormat.Png)));
            """, timeout: RestoreTimeout);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        var image = result.OfType("display_data").Select(m => m.Content.GetProperty("data"))
            .Single(data => data.TryGetProperty("image/png", out _));
        var bytes = Convert.FromBase64String(image.GetProperty("image/png").GetString()!);
        Assert.That(bytes.Take(PngSignature.Length), Is.EqualTo(PngSignature));
    }

    [Test]
    public void Microsoft_ml_trains_a_regression_on_rows_in_memory_and_predicts()
    {
        var result = Client.Execute("""
            #r "nuget: Microsoft.ML, 5.0.1"
            using Microsoft.ML;
            using Microsoft.ML.Data;
            public class House { public float Size { get; set; } public float Price { get; set; } }
            public class Estimate { [ColumnName("Score")] public float Price { get; set; } }
            var ml = new MLContext(seed: 1);
            var rows = Enumerable.Range(1, 20).Select(i => new House { Size = i, Price = 2 * i + 1 });
            var pipeline = ml.Transforms.Concatenate("Features", nameof(House.Size))
                .Append(ml.Regression.Trainers.Sdca(labelColumnName: nameof(House.Price), maximumNumberOfIterations: 200));
            var model = pipeline.Fit(ml.Data.LoadFromEnumerable(rows));
            var estimate = ml.Model.CreatePredictionEngine<House, Estimate>(model).Predict(new House { Size = 10 });
            Console.WriteLine($"a house of size 10 costs about {Math.Round(estimate.Price)}");
            """, timeout: RestoreTimeout);
        Assert.That(result.Status, Is.EqualTo("ok"), result.ToString());
        Assert.That(result.Stdout, Does.Match(@"a house of size 10 costs about (19|20|21|22|23)\b"), "the model learned price = 2 * size + 1");
    }
}
