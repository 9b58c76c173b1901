using CSharpKernel.Execution.Packages;
using CSharpKernel.Extensions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CSharpKernel.Tests.Display;

/// <summary>The loader against package folders laid out as a restore leaves them.</summary>
[NonParallelizable]
public sealed class KernelExtensionLoaderTests
{
    private const string Extensions = """
        using System.Threading.Tasks;
        using Microsoft.DotNet.Interactive;
        public sealed class Throws : IKernelExtension
        {
            public Task OnLoadAsync(Kernel kernel) => throw new System.InvalidOperationException("no chart engine here");
        }
        public sealed class Works : IKernelExtension
        {
            public static Kernel? Given;
            public Task OnLoadAsync(Kernel kernel) { Given = kernel; System.Console.Write("charts ready"); return Task.CompletedTask; }
        }
        """;

    private string _package = null!;

    [SetUp]
    public void LayOutPackage()
    {
        _package = Directory.CreateTempSubdirectory("extension-package-").FullName;
        var folder = Directory.CreateDirectory(Path.Combine(_package, "interactive-extensions", "dotnet")).FullName;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(Path.Combine(AppContext.BaseDirectory, "Microsoft.DotNet.Interactive.dll"))
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create($"Extensions{Guid.NewGuid():N}", [CSharpSyntaxTree.ParseText(Extensions)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var emitted = compilation.Emit(Path.Combine(folder, "Extensions.dll"));
        Assert.That(emitted.Success, Is.True, string.Join("\n", emitted.Diagnostics));
    }

    [TearDown]
    public void RemovePackage() => Directory.Delete(_package, recursive: true);

    [Test]
    public void An_extension_that_throws_is_reported_by_name_and_the_others_still_load()
    {
        var errors = new StringWriter();
        var previous = Console.Error;
        Console.SetError(errors);
        IReadOnlyList<string> loaded;
        try
        {
            loaded = KernelExtensionLoader.Load([new RestoredPackage("Charts.Extension", "1.0.0", _package, [])]);
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.That(loaded, Is.EqualTo(new[] { "Works" }));
        Assert.That(errors.ToString(), Is.EqualTo("Kernel extension Throws from Charts.Extension 1.0.0 failed to load: InvalidOperationException: no chart engine here\n"));
    }

    [Test]
    public void Extensions_are_handed_the_kernels_own_kernel_object_once_per_file()
    {
        var package = new RestoredPackage("Charts.Extension", "1.0.0", _package, []);
        var errors = new StringWriter();
        var previous = Console.Error;
        Console.SetError(errors);
        try
        {
            var first = KernelExtensionLoader.Load([package]);
            var again = KernelExtensionLoader.Load([package]);
            Assert.That(first, Does.Contain("Works"));
            Assert.That(again, Is.Empty, "the same file is not loaded twice");
        }
        finally
        {
            Console.SetError(previous);
        }
        var works = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType("Works")).Last(t => t is not null)!;
        Assert.That(works.GetField("Given")!.GetValue(null), Is.SameAs(NotebookKernel.Instance));
    }

    [Test]
    public void What_an_extension_prints_while_it_loads_is_the_cells_output()
    {
        var output = new StringWriter();
        var previous = Console.Out;
        var previousError = Console.Error;
        Console.SetOut(output);
        Console.SetError(TextWriter.Null);
        try
        {
            KernelExtensionLoader.Load([new RestoredPackage("Charts.Extension", "1.0.0", _package, [])]);
        }
        finally
        {
            Console.SetOut(previous);
            Console.SetError(previousError);
        }
        Assert.That(output.ToString(), Is.EqualTo("charts ready"));
    }

    [Test]
    public void A_package_without_extensions_loads_nothing()
    {
        var empty = Directory.CreateTempSubdirectory("plain-package-").FullName;
        try
        {
            Assert.That(KernelExtensionLoader.Load([new RestoredPackage("Plain", "1.0.0", empty, [])]), Is.Empty);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
