namespace CSharpKernel.Tests.Security;

/// <summary>
/// The escape suite: what a user who wants out of the sandbox would try, each with the refusal it
/// must get. Every attempt is harmless where it is allowed, so the same cells run at unrestricted.
/// The working directory (<see cref="EscapeWorkspace"/>) holds the files they name.
/// </summary>
public static class EscapeAttempts
{
    private const string Standard = "standard";
    private const string Unrestricted = "unrestricted";
    private const string Everywhere = "sandbox";

    public static IEnumerable<EscapeAttempt> All() =>
    [
        // The file system, directly.
        new("file_read", "var text = System.IO.File.ReadAllText(\"data.txt\");", "System.IO.File.ReadAllText", "System.IO.File", Standard),
        new("file_write", "File.WriteAllText(\"written.txt\", \"x\");", "System.IO.File.WriteAllText", "File.", Standard),
        new("directory_listing", "Directory.GetFiles(\".\").Length", "System.IO.Directory.GetFiles", "Directory", Standard),
        new("file_stream", "var length = new FileStream(\"data.txt\", FileMode.Open).Length;", "System.IO.FileStream.Length", "new FileStream", Standard),
        new("file_info_through_its_base", "new FileInfo(\"data.txt\").Attributes", "System.IO.FileSystemInfo.Attributes", "new FileInfo", Standard),
        new("stream_reader_by_path", "new StreamReader(\"data.txt\").ReadToEnd()", "new System.IO.StreamReader(string path)", "new StreamReader", Standard),
        new("zip_extension_method", "using System.IO.Compression;\nnew ZipArchive(new MemoryStream(), ZipArchiveMode.Create).CreateEntryFromFile(\"data.txt\", \"data.txt\");",
            "System.IO.Compression.ZipFileExtensions.CreateEntryFromFile", "new ZipArchive", Standard),
        new("xml_by_file_name", "System.Xml.Linq.XDocument.Load(\"data.xml\").Root!.Name.LocalName", "System.Xml.Linq.XDocument.Load", "System.Xml", Standard),
        new("top_level_await", "var read = await File.ReadAllTextAsync(\"data.txt\");", "System.IO.File.ReadAllTextAsync", "File", Standard),
        new("kernel_image_file", "Kernel.ImageFile(\"image.png\").Data.Length", "CSharpKernel.Execution.KernelApi.ImageFile", "Kernel", Standard),

        // The network.
        new("http_client", "var client = new System.Net.Http.HttpClient();", "System.Net.Http.HttpClient", "new System", Standard),
        new("tcp_client", "new System.Net.Sockets.TcpClient().Connected", "System.Net.Sockets.TcpClient.Connected", "new System", Standard),
        new("dns", "System.Net.Dns.GetHostName()", "System.Net.Dns.GetHostName", "System", Standard),

        // Processes, also through reflection.
        new("process_start", "var started = System.Diagnostics.Process.Start(\"true\");", "System.Diagnostics.Process.Start", "System", Unrestricted),
        new("process_start_info", "var info = new System.Diagnostics.ProcessStartInfo(\"true\");", "System.Diagnostics.ProcessStartInfo", "new System", Unrestricted),
        new("type_by_name", "var processType = Type.GetType(\"System.Diagnostics.Process, System.Diagnostics.Process\");", "System.Type.GetType", "Type.GetType", Standard),
        new("process_by_reflection",
            "Type.GetType(\"System.Diagnostics.Process, System.Diagnostics.Process\")!.GetMethod(\"GetCurrentProcess\")!.Invoke(null, null) is not null",
            "System.Reflection.MethodBase.Invoke", "Type.GetType", Standard),
        new("var_hides_the_type", "var me = System.Diagnostics.Process.GetCurrentProcess();\nvar name = me.ProcessName;",
            "System.Diagnostics.Process.ProcessName", "me.ProcessName", Unrestricted),

        // The environment, exit, the runtime.
        new("environment_variable", "Environment.GetEnvironmentVariable(\"HOME\")", "System.Environment.GetEnvironmentVariable", "Environment", Standard),
        new("environment_exit", "if (DateTime.Now.Year < 0) Environment.Exit(3);", "System.Environment.Exit", "Environment", Standard),
        new("working_directory", "var here = Environment.CurrentDirectory;", "System.Environment.CurrentDirectory", "Environment", Standard),
        new("app_context_switch", "AppContext.SetSwitch(\"Policy.Test\", true);", "System.AppContext.SetSwitch", "AppContext", Standard),
        new("app_domain", "AppDomain.CurrentDomain.GetAssemblies().Length", "System.AppDomain.GetAssemblies", "AppDomain", Standard),
        new("assembly_load_context", "System.Runtime.Loader.AssemblyLoadContext.Default.Name", "System.Runtime.Loader.AssemblyLoadContext.Name", "System", Standard),
        new("assembly_load", "var loaded = System.Reflection.Assembly.Load(\"System.Xml\");", "System.Reflection.Assembly.Load", "System", Standard),
        new("console_capture", "Console.SetOut(Console.Out);", "System.Console.SetOut", "Console", Standard),

        // Threads and timers (tasks are allowed).
        new("thread", "var worker = new Thread(() => { });", "new System.Threading.Thread(System.Threading.ThreadStart start)", "new Thread", Standard),
        new("thread_pool", "ThreadPool.QueueUserWorkItem(state => { });", "System.Threading.ThreadPool.QueueUserWorkItem", "ThreadPool", Standard),
        new("timer", "var timer = new System.Threading.Timer(state => { }, null, -1, -1);", "System.Threading.Timer", "new System", Standard),
        new("timers_timer", "var ticker = new System.Timers.Timer(1000);", "System.Timers.Timer", "new System", Standard),
        new("execution_context", "System.Threading.ExecutionContext.SuppressFlow().Undo();", "System.Threading.ExecutionContext.SuppressFlow", "System", Standard),

        // Native code and memory.
        new("dll_import", "[System.Runtime.InteropServices.DllImport(\"libc\")]\nstatic extern int getpid();",
            "System.Runtime.InteropServices.DllImportAttribute", "System.Runtime.InteropServices.DllImport", Unrestricted),
        new("marshal", "var memory = System.Runtime.InteropServices.Marshal.AllocHGlobal(16);", "System.Runtime.InteropServices.Marshal.AllocHGlobal", "System", Unrestricted),
        new("native_library", "System.Runtime.InteropServices.NativeLibrary.TryLoad(\"libc.so.6\", out var libc)",
            "System.Runtime.InteropServices.NativeLibrary.TryLoad", "System", Unrestricted),
        new("gc_handle", "System.Runtime.InteropServices.GCHandle.Alloc(new object()).Free();", "System.Runtime.InteropServices.GCHandle.Free", "System", Standard),
        new("memory_marshal", "System.Runtime.InteropServices.MemoryMarshal.AsBytes(new int[] { 1 }.AsSpan()).Length",
            "System.Runtime.InteropServices.MemoryMarshal.AsBytes", "System", Standard),
        new("unsafe_class", "System.Runtime.CompilerServices.Unsafe.SizeOf<int>()", "System.Runtime.CompilerServices.Unsafe.SizeOf", "System", Unrestricted),
        new("unsafe_block_with_stackalloc", "unsafe { int* p = stackalloc int[4]; p[0] = 1; }", "unsafe code", "unsafe", Unrestricted),
        new("unsafe_method", "unsafe static int Peek(int* p) => *p;", "unsafe code", "unsafe", Unrestricted),
        new("function_pointer", "static int Twice(int x) => 2 * x;\nunsafe { delegate*<int, int> twice = &Twice; }", "function pointers", "delegate*", Unrestricted),

        // Reflection that invokes or creates.
        new("method_invoke", "typeof(Math).GetMethod(\"Abs\", new[] { typeof(int) })!.Invoke(null, new object[] { -3 })", "System.Reflection.MethodBase.Invoke", "typeof", Standard),
        new("property_get_value", "typeof(string).GetProperty(\"Length\")!.GetValue(\"abc\")", "System.Reflection.PropertyInfo.GetValue", "typeof", Standard),
        new("field_set_value", "class Box { public int Value; }\nvar box = new Box();\ntypeof(Box).GetField(\"Value\")!.SetValue(box, 5);",
            "System.Reflection.FieldInfo.SetValue", "typeof", Standard),
        new("activator", "Activator.CreateInstance(typeof(List<int>))", "System.Activator.CreateInstance", "Activator", Standard),
        new("type_invoke_member", "typeof(Math).InvokeMember(\"Abs\", System.Reflection.BindingFlags.InvokeMethod, null, null, new object[] { -2 })",
            "System.Type.InvokeMember", "typeof", Standard),
        new("delegate_from_method_info", "typeof(Math).GetMethod(\"Sqrt\")!.CreateDelegate<Func<double, double>>()(4)", "System.Reflection.MethodInfo.CreateDelegate", "typeof", Standard),
        new("delegate_create_delegate", "Delegate.CreateDelegate(typeof(Func<double, double>), typeof(Math).GetMethod(\"Sqrt\")!)", "System.Delegate.CreateDelegate", "Delegate", Standard),
        new("method_invoker", "System.Reflection.MethodInvoker.Create(typeof(Math).GetMethod(\"Abs\", new[] { typeof(int) })!).Invoke(null, -1)",
            "System.Reflection.MethodInvoker.Invoke", "System", Standard),
        new("uninitialized_object", "System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(object))",
            "System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject", "System", Standard),
        new("dynamic_method", "var method = new System.Reflection.Emit.DynamicMethod(\"m\", typeof(int), Type.EmptyTypes);", "System.Reflection.Emit.DynamicMethod", "new System", Standard),
        new("expression_compile", "System.Linq.Expressions.Expression<Func<int>> answer = () => 42;\nanswer.Compile()()", "System.Linq.Expressions.Expression.Compile", "answer.Compile", Standard),
        new("expression_tree_by_hand",
            "using System.Linq.Expressions;\nExpression.Lambda<Func<int>>(Expression.Call(typeof(Math).GetMethod(\"Abs\", new[] { typeof(int) })!, Expression.Constant(-1))).Body.NodeType",
            "System.Linq.Expressions.Expression.Lambda", "Expression.Lambda", Standard),
        new("queryable_provider", "new[] { 1 }.AsQueryable().Provider.Execute<int>(System.Linq.Expressions.Expression.Constant(1))",
            "System.Linq.Expressions.Expression.Constant", "System.Linq", Standard),
        new("history_name_holding_a_method_info", "_.Invoke(null, new object[] { -1 })", "System.Reflection.MethodBase.Invoke", "_", Standard,
            Setup: "typeof(Math).GetMethod(\"Abs\", new[] { typeof(int) })"),

        // dynamic.
        new("dynamic_variable", "dynamic anything = \"text\";\nvar size = anything.Length;", "dynamic", "dynamic", Standard),
        new("dynamic_cast", "((dynamic)\"text\").Length", "dynamic", "((dynamic)", Standard),

        // Serializers that instantiate types.
        new("xml_serializer", "var serializer = new System.Xml.Serialization.XmlSerializer(typeof(int));", "System.Xml.Serialization.XmlSerializer", "new System", Standard),
        new("data_contract_serializer", "var contract = new System.Runtime.Serialization.DataContractSerializer(typeof(int));",
            "System.Runtime.Serialization.DataContractSerializer", "new System", Standard),
        new("json_with_a_runtime_type", "System.Text.Json.JsonSerializer.Deserialize(\"1\", typeof(int))", "System.Text.Json.JsonSerializer.Deserialize", "System", Standard),
        new("json_contract_metadata", "var makes = System.Text.Json.JsonSerializerOptions.Default.GetTypeInfo(typeof(int)).CreateObject;",
            "System.Text.Json.Serialization.Metadata.JsonTypeInfo.CreateObject", "System.Text", Standard),

        // Directives.
        new("reference_a_file", $"#r \"{EscapeWorkspace.XmlAssembly}\"\n1", $"#r \"{EscapeWorkspace.XmlAssembly}\"", "#r", Standard),
        new("load_a_script", "#load \"helper.csx\"\nloadedValue", "#load \"helper.csx\"", "#load", Standard),
        new("package_source", $"#i \"nuget: {EscapeWorkspace.Directory}\"\n1", $"#i \"nuget: {EscapeWorkspace.Directory}\"", "#i", Standard),
        new("package_not_on_the_allow_list", "#r \"nuget: Humanizer.Core.af, 2.14.1\"\n1", "#r \"nuget: Humanizer.Core.af, 2.14.1\"", "#r", Standard),
        new("package_spelled_as_in_file_programs", "#:package Humanizer.Core.af@2.14.1\n1", "#:package Humanizer.Core.af@2.14.1", "#:package", Standard),
        new("package_on_the_allow_list", "#r \"nuget: Humanizer.Core, 2.14.1\"\n1", "#r \"nuget: Humanizer.Core, 2.14.1\"", "#r", "restricted"),

        // The kernel's own objects and engine.
        new("kernel_assembly_types", "typeof(CSharpKernel.Execution.ScriptGlobals).Assembly.GetTypes().Length", "System.Reflection.Assembly.GetTypes", "typeof", Standard),
        new("kernel_object_assembly", "Kernel.GetType().Assembly.GetType(\"CSharpKernel.Execution.ScriptSession\") is not null", "System.Reflection.Assembly.GetType", "Kernel", Standard),
        new("interactive_engine", "Microsoft.DotNet.Interactive.KernelInvocationContext.Current is null", "Microsoft.DotNet.Interactive.KernelInvocationContext.Current",
            "Microsoft", Unrestricted),

        // Other spellings of the same symbols.
        new("alias", "using F = System.IO.File;\nF.Exists(\"data.txt\")", "System.IO.File.Exists", "F.Exists", Standard),
        new("global_qualified", "global::System.IO.File.Exists(\"data.txt\")", "System.IO.File.Exists", "global", Standard),
        new("using_static", "using static System.IO.File;\nExists(\"data.txt\")", "System.IO.File.Exists", "Exists(", Standard),
        new("generic_type_argument", "typeof(List<System.Diagnostics.Process>)", "System.Diagnostics.Process", "List<", Unrestricted),
        new("generic_method_argument", "Enumerable.Empty<System.Diagnostics.Process>().Count()", "System.Diagnostics.Process", "Enumerable", Unrestricted),
        new("default_of_a_refused_type", "default(System.Diagnostics.Process) is null", "System.Diagnostics.Process", "default", Unrestricted),
        new("attribute", "[System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]\nstruct Pair { public int A, B; }",
            "System.Runtime.InteropServices.StructLayoutAttribute", "System.Runtime.InteropServices.StructLayout", Standard),

        // Hidden in code the cell declares.
        new("lambda_body", "Func<string> read = () => File.ReadAllText(\"data.txt\");", "System.IO.File.ReadAllText", "File.", Standard),
        new("local_function", "string ReadIt() { string Inner() => File.ReadAllText(\"data.txt\"); return Inner(); }", "System.IO.File.ReadAllText", "File.", Standard),
        new("class_method", "class Reader { public string Read() => File.ReadAllText(\"data.txt\"); }", "System.IO.File.ReadAllText", "File.", Standard),
        new("interface_default_method", "interface ISneak { string Slurp() => File.ReadAllText(\"data.txt\"); }",
            "System.IO.File.ReadAllText", "File.", Standard),
        new("derived_from_a_refused_type", "class Sneaky : FileStream { public Sneaky() : base(\"data.txt\", FileMode.Open) { } }", "System.IO.FileStream", "FileStream", Standard),
        new("cell_magic_body", "%%time\nSystem.IO.File.Exists(\"data.txt\")", "System.IO.File.Exists", "System.IO", Standard),

        // What every level allows.
        new("nameof_is_exempt", "nameof(System.IO.File.ReadAllText)", "", null, Everywhere),
        new("json_of_a_named_type", "System.Text.Json.JsonSerializer.Deserialize<int>(\"41\") + 1", "", null, Everywhere),
        new("memory_streams_and_text", "new StreamReader(new MemoryStream(new byte[] { 65 })).ReadToEnd() + new StringWriter().ToString()", "", null, Everywhere),
        new("tasks_and_parallel", "await Task.Run(() => Parallel.For(0, 4, i => { }).IsCompleted)", "", null, Everywhere),
        new("catching_io_exceptions", "try { throw new IOException(\"no disk here\"); } catch (IOException e) { Console.WriteLine(e.Message); }", "", null, Everywhere),
        new("harmless_environment_reads", "Environment.NewLine.Length + Environment.ProcessorCount", "", null, Everywhere),
        new("reading_types", "typeof(List<int>).GetMethods().Length > 0", "", null, Everywhere),
    ];
}
