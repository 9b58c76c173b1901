using System.Text.RegularExpressions;

namespace CSharpKernel.Tests.Architecture;

/// <summary>A folder is a layer: its using lines say what it depends on, and these rules keep them honest.</summary>
public sealed partial class LayerTests
{
    private static readonly Dictionary<string, string[]> Forbidden = new()
    {
        ["Wire"] = ["CSharpKernel.", "NetMQ", "Microsoft.CodeAnalysis"],
        ["Protocol"] = ["CSharpKernel.", "NetMQ", "Microsoft.CodeAnalysis"],
        ["Logging"] = ["CSharpKernel.", "NetMQ", "Microsoft.CodeAnalysis"],
        ["Server"] = ["Microsoft.CodeAnalysis", "CSharpKernel.Cli"],
        ["Execution"] = ["NetMQ", "CSharpKernel.Server", "CSharpKernel.Wire", "CSharpKernel.Cli"],
        ["Language"] = ["NetMQ", "CSharpKernel.Server", "CSharpKernel.Wire", "CSharpKernel.Cli"],
        ["Display"] = ["NetMQ", "CSharpKernel.Server", "CSharpKernel.Wire", "CSharpKernel.Cli", "CSharpKernel.Execution"],
        ["Extensions"] = ["NetMQ", "CSharpKernel.Server", "CSharpKernel.Wire", "CSharpKernel.Cli"],
        ["Magics"] = ["NetMQ", "CSharpKernel.Server", "CSharpKernel.Wire", "CSharpKernel.Cli"],
        ["Client"] = ["Microsoft.CodeAnalysis", "CSharpKernel.Server", "CSharpKernel.Execution", "CSharpKernel.Language", "CSharpKernel.Display",
            "CSharpKernel.Extensions", "CSharpKernel.Magics", "CSharpKernel.History", "CSharpKernel.Cli"],
        // The grammar of magic lines is read by Execution (running), Language (is_complete, completion) and the
        // commands in Magics, which themselves use Execution: it must use none of ours, or those would form a cycle.
        ["Magics/Syntax"] = ["CSharpKernel.", "NetMQ"],
        ["History"] = ["NetMQ", "Microsoft.CodeAnalysis", "CSharpKernel.Server", "CSharpKernel.Wire", "CSharpKernel.Cli", "CSharpKernel.Execution"],
    };

    [TestCaseSource(nameof(Layers))]
    public void A_layer_uses_only_what_lies_beneath_it(string layer)
    {
        var folder = Path.Combine(RepositoryRoot(), "kernel", layer);
        var violations = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .SelectMany(file => UsingLine().Matches(File.ReadAllText(file)).Select(m => (file, used: m.Groups[1].Value)))
                .Where(u => Forbidden[layer].Any(f => u.used == f.TrimEnd('.') || u.used.StartsWith(f.EndsWith('.') ? f : f + ".", StringComparison.Ordinal)))
                .Select(u => $"{Path.GetFileName(u.file)} uses {u.used}")
                .ToList()
            : [];
        Assert.That(violations, Is.Empty);
    }

    /// <summary>The client talks to any kernel from outside: inside the kernel only the CLI, which runs notebooks through one, may use it.</summary>
    [Test]
    public void Only_the_cli_uses_the_client()
    {
        var root = Path.Combine(RepositoryRoot(), "kernel");
        var users = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file))
            .Where(file => file.Split(Path.DirectorySeparatorChar)[0] is not ("Cli" or "Client" or "obj" or "bin"))
            .Where(file => UsingLine().Matches(File.ReadAllText(Path.Combine(root, file))).Any(m => m.Groups[1].Value.StartsWith("CSharpKernel.Client", StringComparison.Ordinal)))
            .ToList();
        Assert.That(users, Is.Empty);
    }

    [Test]
    public void Every_kernel_file_holds_one_type_named_after_it()
    {
        var root = Path.Combine(RepositoryRoot(), "kernel");
        var misnamed = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && Path.GetFileName(f) != "Program.cs")
            .Select(f => (file: Path.GetFileNameWithoutExtension(f), types: TopLevelType().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value).ToList()))
            .Where(f => f.types.Count != 1 || f.types[0] != f.file)
            .Select(f => $"{f.file}.cs declares [{string.Join(", ", f.types)}]")
            .ToList();
        Assert.That(misnamed, Is.Empty);
    }

    private static IEnumerable<string> Layers() => Forbidden.Keys;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Kernel.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException("Kernel.sln not found above the test directory");
    }

    [GeneratedRegex(@"^using\s+(?:static\s+)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    // A top-level type starts at the beginning of a line (file-scoped namespaces keep them unindented).
    [GeneratedRegex(@"^(?:public\s+|internal\s+)?(?:sealed\s+|static\s+|abstract\s+|readonly\s+)*(?:partial\s+)?(?:class|record|struct|interface|enum)\s+(?:struct\s+|class\s+)?(\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
