using System.Text.RegularExpressions;

namespace CSharpKernel.Tests.Architecture;

/// <summary>A folder is a layer: its using lines say what it depends on, and these rules keep them honest.</summary>
public sealed partial class LayerTests
{
    /// <summary>The C# engine: what the interpreter seam hides from the server.</summary>
    private static readonly string[] Engine =
    [
        "Microsoft.CodeAnalysis", "CSharpKernel.Execution", "CSharpKernel.Language", "CSharpKernel.Magics",
        "CSharpKernel.Display", "CSharpKernel.History", "CSharpKernel.Extensions",
    ];

    /// <summary>The layers that know the language only through the interpreter seam.</summary>
    private static readonly string[] Protocol = ["Wire", "Server", "Interpreter"];

    private static readonly Dictionary<string, string[]> Forbidden = new()
    {
        ["Wire"] = ["CSharpKernel.", "NetMQ", "Microsoft.CodeAnalysis"],
        ["Protocol"] = ["CSharpKernel.", "NetMQ", "Microsoft.CodeAnalysis"],
        ["Logging"] = ["CSharpKernel.", "NetMQ", "Microsoft.CodeAnalysis"],
        ["Server"] = [.. Engine, "CSharpKernel.Cli"],
        ["Interpreter"] = [.. Engine, "NetMQ", "CSharpKernel.Server", "CSharpKernel.Wire", "CSharpKernel.Cli"],
        ["Execution"] = ["NetMQ", "CSharpKernel.Server", "CSharpKernel.Wire", "CSharpKernel.Cli"],
        ["Language"] = ["NetMQ", "CSharpKernel.Server", "CSharpKernel.Wire", "CSharpKernel.Cli"],
        ["Display"] = ["NetMQ", "CSharpKernel.Server", "CSharpKernel.Wire", "CSharpKernel.Cli", "CSharpKernel.Execution"],
        ["Extensions"] = ["NetMQ", "CSharpKernel.Server", "CSharpKernel.Wire", "CSharpKernel.Cli"],
        ["Magics"] = ["NetMQ", "CSharpKernel.Server", "CSharpKernel.Wire", "CSharpKernel.Cli"],
        ["Client"] = ["Microsoft.CodeAnalysis", "CSharpKernel.Server", "CSharpKernel.Interpreter", "CSharpKernel.Execution", "CSharpKernel.Language", "CSharpKernel.Display",
            "CSharpKernel.Extensions", "CSharpKernel.Magics", "CSharpKernel.History", "CSharpKernel.Cli"],
        // The grammar of magic lines is read by Execution (running), Language (is_complete, completion) and the
        // commands in Magics, which themselves use Execution: it must use none of ours, or those would form a cycle.
        ["Magics/Syntax"] = ["CSharpKernel.", "NetMQ"],
        // The policy is decided from Roslyn's symbols and knows nothing of the engine that asks it.
        ["Security"] = ["NetMQ", "CSharpKernel.Server", "CSharpKernel.Wire", "CSharpKernel.Cli", "CSharpKernel.Protocol", "CSharpKernel.Interpreter", .. Engine[1..],
            "CSharpKernel.Client"],
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

    /// <summary>
    /// Using lines are not the only way in: a qualified name or an alias reaches the engine too, and
    /// a lambda's captures and a field's type show in the compiled types, whatever the source says.
    /// </summary>
    [TestCaseSource(nameof(ProtocolLayers))]
    public void The_protocol_layers_never_name_the_engine(string layer)
    {
        var folder = Path.Combine(RepositoryRoot(), "kernel", layer);
        var inSource = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => Engine.Where(File.ReadAllText(file).Contains).Select(name => $"{Path.GetFileName(file)} names {name}"));
        var compiled = typeof(CSharpKernel.Server.KernelServer).Assembly.GetTypes()
            .Where(type => type.Namespace is { } ns && (ns == $"CSharpKernel.{layer}" || ns.StartsWith($"CSharpKernel.{layer}.", StringComparison.Ordinal)))
            .SelectMany(type => UsedTypes(type).Where(IsEngine).Select(used => $"{type.FullName} uses {used.FullName}"));
        Assert.That(inSource.Concat(compiled).Distinct().ToList(), Is.Empty);
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

    private static IEnumerable<string> ProtocolLayers() => Protocol;

    private const System.Reflection.BindingFlags Declared = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic |
        System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly;

    /// <summary>The types a type's shape mentions: base, interfaces, fields (a lambda's captures among them), properties and signatures.</summary>
    private static IEnumerable<Type> UsedTypes(Type type) =>
        new[] { type.BaseType }.Concat(type.GetInterfaces())
            .Concat(type.GetFields(Declared).Select(f => f.FieldType))
            .Concat(type.GetProperties(Declared).Select(p => p.PropertyType))
            .Concat(type.GetMethods(Declared).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Concat(type.GetConstructors(Declared).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)))
            .OfType<Type>()
            .SelectMany(Unwrap);

    private static IEnumerable<Type> Unwrap(Type type) =>
        type.HasElementType ? Unwrap(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Prepend(type)
        : [type];

    private static bool IsEngine(Type type) =>
        type.Namespace is { } ns && Engine.Any(e => ns == e || ns.StartsWith(e + ".", StringComparison.Ordinal));

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
