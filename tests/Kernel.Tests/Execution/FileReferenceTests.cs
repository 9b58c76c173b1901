using CSharpKernel.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CSharpKernel.Tests.Execution;

/// <summary>
/// <c>#r</c> of a library file beside the notebook, which refers to another file beside it: the
/// library's code runs, and the process loads it once, so what it holds survives a reset and the
/// cells after the reset use the same types.
/// </summary>
public sealed class FileReferenceTests
{
    private string _folder = null!;
    private SessionCells _cells = null!;

    [SetUp]
    public void BuildLibraries()
    {
        _folder = Path.Combine(Path.GetTempPath(), "csharp-kernel-refs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var inner = Build("Inner", "namespace Inner; public static class Names { public static string Of(int n) => \"n\" + n; }", []);
        Build("Outer", "namespace Outer; public sealed class Box { public static object? Kept; public string Name => Inner.Names.Of(3); }", [inner]);
        _cells = new SessionCells(new EngineSettings());
    }

    [TearDown]
    public void RemoveLibraries() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void A_referenced_file_runs_with_the_file_beside_it()
    {
        Assert.That(_cells.Value($"#r \"{Path.Combine(_folder, "Outer.dll")}\"\nnew Outer.Box().Name"), Is.EqualTo("n3"));
    }

    [Test]
    public void A_referenced_files_types_are_the_same_after_a_reset()
    {
        var reference = $"#r \"{Path.Combine(_folder, "Outer.dll")}\"\n";
        _cells.Value(reference + "Outer.Box.Kept = new Outer.Box();");
        _cells.Session.Reset();
        Assert.That(_cells.Value(reference + "Outer.Box.Kept is Outer.Box"), Is.EqualTo(true));
    }

    private MetadataReference Build(string name, string code, MetadataReference[] references)
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(code)], platform.Concat(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(_folder, name + ".dll");
        var result = compilation.Emit(path);
        Assert.That(result.Success, Is.True, () => string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromFile(path);
    }
}
