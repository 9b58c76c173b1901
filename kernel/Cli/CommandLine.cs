using System.CommandLine;
using CSharpKernel.Execution;
using CSharpKernel.Logging;
using CSharpKernel.Server;

namespace CSharpKernel.Cli;

/// <summary>The kernel's command line: install, run.</summary>
internal static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("A C# kernel for Jupyter.");
        root.Subcommands.Add(InstallCommand());
        root.Subcommands.Add(RunCommand());
        root.Subcommands.Add(ExecuteCommand());
        return root;
    }

    private static Command RunCommand()
    {
        var connectionFile = new Option<FileInfo>("--connection-file", "-f")
        {
            Description = "The connection file written by the Jupyter client.",
            Required = true,
        };
        var command = new Command("run", "Run the kernel for a Jupyter client.") { connectionFile };
        command.SetAction(parse => RunKernel(parse.GetValue(connectionFile)!));
        return command;
    }

    /// <summary>
    /// The kernel for a Jupyter client. A client connecting before the sockets are bound retries
    /// only every 100 ms, so everything here is about binding soon: the sockets' machinery starts
    /// on another thread while the connection file is read.
    /// </summary>
    public static int RunKernel(FileInfo file)
    {
        KernelServer.PrepareSockets();
        if (!file.Exists)
        {
            Console.Error.WriteLine($"connection file not found: {file.FullName}");
            return 2;
        }
        ConnectionInfo info;
        try
        {
            info = ConnectionInfo.Load(file.FullName);
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"bad connection file {file.FullName}: {e.Message}");
            return 2;
        }
        KernelLog.Capture();
        var settings = EngineSettings.FromEnvironment();
        // Before the first cell and the kernel's own large allocations: the limit holds from the start.
        HeapLimit.Apply(settings.Limits.MemoryBytes);
        using var server = new KernelServer(info, () => new CSharpInterpreter(settings));
        server.Run();
        return 0;
    }

    private static Command ExecuteCommand()
    {
        var notebook = new Argument<FileInfo>("NOTEBOOK") { Description = "The .ipynb or .dib (Polyglot Notebooks) file to run." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the executed notebook here (for a .dib, the .ipynb beside it by default).", HelpName = "OUT" };
        var parameters = new Option<string[]>("--parameter", "-p")
        {
            Description = "NAME=VALUE, injected after the cell tagged 'parameters' (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var allowErrors = new Option<bool>("--allow-errors") { Description = "Run every cell even after one fails; exit 0." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds a cell may run.", DefaultValueFactory = _ => 600 };
        var command = new Command("execute", "Run a notebook through the kernel, print its outputs and save the executed notebook.")
        {
            notebook, output, parameters, allowErrors, timeout,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(notebook)!;
            try
            {
                var polyglot = PolyglotDocument.Is(file.FullName);
                var document = polyglot ? PolyglotDocument.Load(file.FullName) : NotebookRunner.Load(file.FullName);
                var values = NotebookParameters.Parse(parse.GetValue(parameters) ?? []);
                var runner = new NotebookRunner(Console.Out, TimeSpan.FromSeconds(parse.GetValue(timeout)));
                var succeeded = runner.Run(document, values, parse.GetValue(allowErrors));
                // A .dib has no place for outputs: its run is always kept, as the .ipynb beside it unless told otherwise.
                var target = parse.GetValue(output)?.FullName ?? (polyglot ? Path.ChangeExtension(file.FullName, ".ipynb") : null);
                if (target is not null)
                    NotebookRunner.Save(document, target);
                if (runner.NotRun.Count > 0)
                    Console.Error.WriteLine($"{file.Name}: {runner.NotRun.Count} cell(s) of other kernels were kept but not run ({string.Join(", ", runner.NotRun.Distinct())}).");
                if (!succeeded && !parse.GetValue(allowErrors))
                {
                    Console.Error.WriteLine($"{file.Name}: a cell failed; the run stopped there.");
                    return 1;
                }
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or ArgumentException or TimeoutException)
            {
                Console.Error.WriteLine($"execute failed: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static Command InstallCommand()
    {
        var user = new Option<bool>("--user") { Description = "Install for the current user (the default)." };
        var sysPrefix = new Option<bool>("--sys-prefix") { Description = "Install into the prefix of the python3 that runs Jupyter." };
        var prefix = new Option<string?>("--prefix") { Description = "Install into DIR/share/jupyter/kernels.", HelpName = "DIR" };
        var name = new Option<string>("--name") { Description = "The kernelspec's name.", DefaultValueFactory = _ => "csharp" };
        var displayName = new Option<string>("--display-name") { Description = "The name front ends show.", DefaultValueFactory = _ => "C#" };
        var command = new Command("install", "Install the kernelspec so that Jupyter can start this kernel.")
        {
            user, sysPrefix, prefix, name, displayName,
        };
        command.Validators.Add(result =>
        {
            var chosen = new[] { result.GetValue(user), result.GetValue(sysPrefix), result.GetValue(prefix) is not null }.Count(c => c);
            if (chosen > 1)
                result.AddError("choose one of --user, --sys-prefix and --prefix");
            if (result.GetValue(name) is { } n && (n.Length == 0 || n.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))))
                result.AddError($"--name '{n}' may only contain letters, digits, '-', '_' and '.'");
        });
        command.SetAction(parse =>
        {
            try
            {
                var directory = parse.GetValue(prefix) is { } dir ? KernelspecLocation.Prefix(dir)
                    : parse.GetValue(sysPrefix) ? KernelspecLocation.SysPrefix()
                    : KernelspecLocation.User();
                var installed = KernelspecInstaller.Install(directory, parse.GetValue(name)!, parse.GetValue(displayName)!);
                Console.WriteLine($"Installed kernelspec {parse.GetValue(name)} in {installed}");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                Console.Error.WriteLine($"install failed: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
