using Microsoft.CodeAnalysis;

namespace CSharpKernel.Security;

/// <summary>
/// The levels' tables: which types, namespaces and members a cell may not bind, and from which
/// level on each is allowed. A type's rule is looked up by its namespace and name (never its
/// spelling in the cell: aliases, <c>using static</c> and <c>global::</c> all bind the same symbol).
/// README's "The levels" is the readable copy of these tables; keep them in step.
/// </summary>
internal static class PolicyTables
{
    /// <summary>The kernel's own assembly: of its types only the cell API may be used.</summary>
    public const string KernelAssembly = "csharp-kernel";

    /// <summary>The public types of the kernel that cells are given (COMMON's cell API, and Kernel.Files).</summary>
    private static readonly HashSet<string> CellApi = new(StringComparer.Ordinal)
    {
        "ScriptGlobals", "KernelApi", "KernelFiles", "DisplayHandle", "Html", "Markdown", "Image", "FormatterRegistry",
        "MathString", "Checkpoint", "CellInterruptedException", "CellStore", "VariableSlot",
    };

    /// <summary>Namespaces refused with everything under them, longest match first, with the level from which they are allowed.</summary>
    private static readonly (string Namespace, PolicyRule Rule)[] Namespaces =
    [
        ("Microsoft.DotNet.Interactive.Formatting", PolicyRule.Allowed),
        ("Microsoft.DotNet.Interactive", PolicyRule.Never),
        ("Microsoft.CodeAnalysis", PolicyRule.Never),
        ("NetMQ", PolicyRule.Never),
        ("System.IO", PolicyRule.FromStandard),
        ("System.Net", PolicyRule.FromStandard),
        ("System.Runtime.InteropServices", PolicyRule.FromStandard),
        ("System.Runtime.Loader", PolicyRule.FromStandard),
        ("System.Runtime.Serialization.Formatters", PolicyRule.FromStandard),
        ("System.Reflection.Emit", PolicyRule.FromStandard),
        ("System.Text.Json.Serialization.Metadata", PolicyRule.FromStandard),
        ("System.Timers", PolicyRule.FromStandard),
        ("Microsoft.Win32", PolicyRule.FromStandard),
    ];

    private static readonly PolicyRule Members = new(SecurityLevel.Sandbox, ByMember: true);

    /// <summary>Types with a rule of their own, by namespace-qualified name (generic arity after a backtick, nested types after a +).</summary>
    private static readonly Dictionary<string, PolicyRule> Types = new(StringComparer.Ordinal)
    {
        // Processes, native code and memory outside the type system: refused wherever anything is checked.
        ["System.Diagnostics.Process"] = PolicyRule.Never,
        ["System.Diagnostics.ProcessStartInfo"] = PolicyRule.Never,
        ["System.Diagnostics.ProcessModule"] = PolicyRule.Never,
        ["System.Diagnostics.ProcessThread"] = PolicyRule.Never,
        ["System.Runtime.InteropServices.Marshal"] = PolicyRule.Never,
        ["System.Runtime.InteropServices.NativeLibrary"] = PolicyRule.Never,
        ["System.Runtime.InteropServices.DllImportAttribute"] = PolicyRule.Never,
        ["System.Runtime.InteropServices.LibraryImportAttribute"] = PolicyRule.Never,
        ["System.Runtime.InteropServices.UnmanagedCallersOnlyAttribute"] = PolicyRule.Never,
        ["System.Runtime.CompilerServices.Unsafe"] = PolicyRule.Never,
        ["System.Runtime.CompilerServices.UnsafeAccessorAttribute"] = PolicyRule.Never,

        // In-memory I/O: streams and text over memory, compression over a stream, the I/O exceptions (below).
        ["System.IO.Stream"] = PolicyRule.Allowed,
        ["System.IO.MemoryStream"] = PolicyRule.Allowed,
        ["System.IO.BufferedStream"] = PolicyRule.Allowed,
        ["System.IO.TextReader"] = PolicyRule.Allowed,
        ["System.IO.TextWriter"] = PolicyRule.Allowed,
        ["System.IO.StringReader"] = PolicyRule.Allowed,
        ["System.IO.StringWriter"] = PolicyRule.Allowed,
        ["System.IO.StreamReader"] = Members,
        ["System.IO.StreamWriter"] = Members,
        ["System.IO.BinaryReader"] = PolicyRule.Allowed,
        ["System.IO.BinaryWriter"] = PolicyRule.Allowed,
        ["System.IO.SeekOrigin"] = PolicyRule.Allowed,
        ["System.IO.Compression.GZipStream"] = PolicyRule.Allowed,
        ["System.IO.Compression.DeflateStream"] = PolicyRule.Allowed,
        ["System.IO.Compression.BrotliStream"] = PolicyRule.Allowed,
        ["System.IO.Compression.ZLibStream"] = PolicyRule.Allowed,
        ["System.IO.Compression.CompressionLevel"] = PolicyRule.Allowed,
        ["System.IO.Compression.CompressionMode"] = PolicyRule.Allowed,
        ["System.IO.Compression.ZipArchive"] = PolicyRule.Allowed,
        ["System.IO.Compression.ZipArchiveEntry"] = PolicyRule.Allowed,
        ["System.IO.Compression.ZipArchiveMode"] = PolicyRule.Allowed,
        ["System.Net.WebUtility"] = PolicyRule.Allowed,
        ["Microsoft.DotNet.Interactive.PasswordString"] = PolicyRule.Allowed,

        // The process and the runtime it hosts.
        ["System.Environment"] = Members,
        ["System.AppDomain"] = PolicyRule.FromStandard,
        ["System.AppContext"] = PolicyRule.FromStandard,
        ["System.Console"] = Members,
        ["System.Threading.Thread"] = Members,
        ["System.Threading.ThreadPool"] = Members,
        ["System.Threading.Timer"] = PolicyRule.FromStandard,
        ["System.Threading.ExecutionContext"] = PolicyRule.FromStandard,
        ["System.Runtime.CompilerServices.RuntimeHelpers"] = PolicyRule.FromStandard,

        // Reflection that loads, invokes or creates.
        ["System.Activator"] = PolicyRule.FromStandard,
        ["System.Reflection.Assembly"] = PolicyRule.FromStandard,
        ["System.Reflection.Module"] = PolicyRule.FromStandard,
        ["System.Reflection.DispatchProxy"] = PolicyRule.FromStandard,
        ["System.Reflection.MethodInvoker"] = PolicyRule.FromStandard,
        ["System.Reflection.ConstructorInvoker"] = PolicyRule.FromStandard,
        ["System.Type"] = Members,
        ["System.Delegate"] = Members,
        ["System.RuntimeMethodHandle"] = Members,
        ["System.Reflection.MethodBase"] = Members,
        ["System.Reflection.MethodInfo"] = Members,
        ["System.Reflection.ConstructorInfo"] = Members,
        ["System.Reflection.PropertyInfo"] = Members,
        ["System.Reflection.FieldInfo"] = Members,
        ["System.Reflection.EventInfo"] = Members,
        ["System.Linq.Expressions.Expression"] = Members,
        ["System.Linq.Expressions.LambdaExpression"] = Members,
        ["System.Linq.Expressions.Expression`1"] = Members,
        ["System.ComponentModel.TypeDescriptor"] = PolicyRule.FromStandard,
        ["System.ComponentModel.MemberDescriptor"] = PolicyRule.FromStandard,
        ["System.ComponentModel.PropertyDescriptor"] = PolicyRule.FromStandard,
        ["System.ComponentModel.EventDescriptor"] = PolicyRule.FromStandard,

        // Serializers that instantiate the types a payload or a runtime Type names.
        ["System.Runtime.Serialization.FormatterServices"] = PolicyRule.FromStandard,
        ["System.Runtime.Serialization.XmlObjectSerializer"] = PolicyRule.FromStandard,
        ["System.Runtime.Serialization.DataContractSerializer"] = PolicyRule.FromStandard,
        ["System.Runtime.Serialization.Json.DataContractJsonSerializer"] = PolicyRule.FromStandard,
        ["System.Xml.Serialization.XmlSerializer"] = PolicyRule.FromStandard,
        ["System.Text.Json.JsonSerializer"] = Members,

        // XML that reads or writes files and URLs by name.
        ["System.Xml.XmlResolver"] = PolicyRule.FromStandard,
        ["System.Xml.XmlUrlResolver"] = PolicyRule.FromStandard,
        ["System.Xml.XmlSecureResolver"] = PolicyRule.FromStandard,
    };

    /// <summary>Environment's harmless reads, allowed at every level.</summary>
    private static readonly HashSet<string> EnvironmentReads = new(StringComparer.Ordinal)
    {
        "NewLine", "ProcessorCount", "TickCount", "TickCount64", "Is64BitProcess", "Is64BitOperatingSystem", "CurrentManagedThreadId", "Version",
    };

    /// <summary>Parameter names by which System.Xml's members take a file or a URL to open.</summary>
    private static readonly HashSet<string> XmlLocations = new(StringComparer.OrdinalIgnoreCase)
    {
        "uri", "inputUri", "url", "filename", "outputFileName", "path", "stylesheetUri",
    };

    /// <summary>The rule of a type's definition (its own, its namespace's, or its assembly's).</summary>
    public static PolicyRule ForType(INamedTypeSymbol definition)
    {
        if (definition.ContainingAssembly?.Name == KernelAssembly)
            return !CellApi.Contains(definition.Name) ? PolicyRule.Never : definition.Name is "KernelApi" or "Image" ? Members : PolicyRule.Allowed;
        var ns = definition.ContainingNamespace?.ToDisplayString() ?? "";
        if (Types.TryGetValue(Key(definition, ns), out var rule))
            return rule;
        if (ns == "System.Diagnostics" && definition.Name.StartsWith("Process", StringComparison.Ordinal))
            return PolicyRule.Never;
        foreach (var (prefix, namespaceRule) in Namespaces)
        {
            if (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal))
                return namespaceRule.AllowedFrom > SecurityLevel.Sandbox && IsException(definition) ? PolicyRule.Allowed : namespaceRule;
        }
        return PolicyRule.Allowed;
    }

    /// <summary>The level from which a member of a <see cref="PolicyRule.ByMember"/> type (or any type, for the XML rule) is allowed.</summary>
    public static SecurityLevel MemberAllowedFrom(ISymbol member, string typeKey)
    {
        var name = member.Name;
        var method = member as IMethodSymbol;
        return typeKey switch
        {
            "System.Environment" => EnvironmentReads.Contains(name) ? SecurityLevel.Sandbox : SecurityLevel.Standard,
            "System.Console" => name is "SetOut" or "SetError" or "SetIn" ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            "System.Threading.Thread" => method?.MethodKind == MethodKind.Constructor || name is "Start" or "UnsafeStart" ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            "System.Threading.ThreadPool" => name.StartsWith("Queue", StringComparison.Ordinal) || name.StartsWith("Unsafe", StringComparison.Ordinal)
                || name is "RegisterWaitForSingleObject" or "SetMinThreads" or "SetMaxThreads" or "BindHandle" ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            "System.IO.StreamReader" or "System.IO.StreamWriter" => method?.MethodKind == MethodKind.Constructor
                && method.Parameters.FirstOrDefault() is { Type.SpecialType: SpecialType.System_String } ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            "System.Type" => name is "InvokeMember" or "GetTypeFromProgID" or "GetTypeFromCLSID" or "ReflectionOnlyGetType"
                || (name == "GetType" && member.IsStatic) ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            "System.Delegate" => name == "CreateDelegate" ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            "System.RuntimeMethodHandle" => name == "GetFunctionPointer" ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            "System.Reflection.MethodBase" or "System.Reflection.MethodInfo" or "System.Reflection.ConstructorInfo" =>
                name is "Invoke" or "CreateDelegate" ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            "System.Reflection.PropertyInfo" => name is "GetValue" or "SetValue" ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            "System.Reflection.FieldInfo" => name is "GetValue" or "SetValue" or "GetValueDirect" or "SetValueDirect" ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            "System.Reflection.EventInfo" => name is "AddEventHandler" or "RemoveEventHandler" ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            // Trees built by hand can call any method; the compiler's own trees from lambdas were checked as the lambda.
            "System.Linq.Expressions.Expression" => member.IsStatic || name is "Compile" or "CompileToMethod" ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            "System.Linq.Expressions.LambdaExpression" or "System.Linq.Expressions.Expression`1" =>
                name is "Compile" or "CompileToMethod" ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            // A runtime Type makes the serializer an Activator: only the types a cell names statically are created.
            "System.Text.Json.JsonSerializer" => method?.Parameters.Any(p => p.Type.ToDisplayString() == "System.Type") == true ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            "CSharpKernel.Execution.KernelApi" or "CSharpKernel.Display.Image" => name is "ImageFile" or "FromFile" ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            _ when typeKey.StartsWith("System.Xml", StringComparison.Ordinal) =>
                method?.Parameters.Any(p => p.Type.SpecialType == SpecialType.System_String && XmlLocations.Contains(p.Name)) == true ? SecurityLevel.Standard : SecurityLevel.Sandbox,
            _ => SecurityLevel.Sandbox,
        };
    }

    /// <summary>The namespace-qualified name the tables use: <c>System.Linq.Expressions.Expression`1</c>, <c>Outer+Inner</c>.</summary>
    public static string Key(INamedTypeSymbol definition, string? ns = null)
    {
        ns ??= definition.ContainingNamespace?.ToDisplayString() ?? "";
        var name = definition.MetadataName;
        for (var outer = definition.ContainingType; outer is not null; outer = outer.ContainingType)
            name = outer.MetadataName + "+" + name;
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>An exception type may always be named and caught: catching IOException reads no file.</summary>
    private static bool IsException(INamedTypeSymbol type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.SpecialType == SpecialType.None && t.Name == "Exception" && t.ContainingNamespace?.ToDisplayString() == "System")
                return true;
        }
        return false;
    }
}
