using System.CommandLine;
using CSharpKernel.Execution;
using CSharpKernel.Logging;
using CSharpKernel.Security;
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
        var policy = LevelOption("The security level for this start, instead of CSHARP_KERNEL_POLICY's.");
        var command = new Command("run", "Run the kernel for a Jupyter client.") { connectionFile, policy };
        command.SetAction(parse =>
        {
            // Through the environment, so that the kernel executed again inside the wall (and nothing else) reads the same level.
            if (parse.GetValue(policy) is { } level)
                Environment.SetEnvironmentVariable(EngineSettings.PolicyVariable, level);
            return RunKernel(parse.GetValue(connectionFile)!);
        });
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
        // At sandbox and restricted this executes the kernel again, inside the operating system's wall.
        OsWall.Enter(settings.Level, KernelWallScope.For(file.FullName, info, settings));
        // After the wall's re-execution (an AppContext setting does not survive it), before the first cell and the kernel's own large allocations: the limit holds from the start.
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

    /// <summary>A level by name; a wrong one is refused with the list, before anything is written or started.</summary>
    private static Option<string?> LevelOption(string description)
    {
        var option = new Option<string?>("--policy") { Description = description + " One of " + string.Join(", ", SecurityLevels.Names) + ".", HelpName = "LEVEL" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && !SecurityLevels.TryParse(text, out _))
                result.AddError($"--policy '{text}' is not a security level: use one of {string.Join(", ", SecurityLevels.Names)}");
        });
        return option;
    }

    private static Command InstallCommand()
    {
        var user = new Option<bool>("--user") { Description = "Install for the current user (the default)." };
        var sysPrefix = new Option<bool>("--sys-prefix") { Description = "Install into the prefix of the python3 that runs Jupyter." };
        var prefix = new Option<string?>("--prefix") { Description = "Install into DIR/share/jupyter/kernels.", HelpName = "DIR" };
        var name = new Option<string?>("--name") { Description = "The kernelspec's name (csharp; csharp-LEVEL with --policy other than unrestricted)." };
        var displayName = new Option<string?>("--display-name") { Description = "The name front ends show (C#; \"C# (LEVEL)\" with --policy other than unrestricted)." };
        var policy = LevelOption("The security level the kernel starts at (written into kernel.json's env).");
        var allowPackages = new Option<string[]>("--allow-package")
        {
            Description = "A NuGet package id that #r \"nuget:\" may restore at --policy restricted (repeatable).",
            HelpName = "ID",
        };
        var command = new Command("install", "Install the kernelspec so that Jupyter can start this kernel.")
        {
            user, sysPrefix, prefix, name, displayName, policy, allowPackages,
        };
        command.Validators.Add(result =>
        {
            var chosen = new[] { result.GetValue(user), result.GetValue(sysPrefix), result.GetValue(prefix) is not null }.Count(c => c);
            if (chosen > 1)
                result.AddError("choose one of --user, --sys-prefix and --prefix");
            if (result.GetValue(name) is { } n && (n.Length == 0 || n.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))))
                result.AddError($"--name '{n}' may only contain letters, digits, '-', '_' and '.'");
            if (KernelspecLevel.Problem(result.GetValue(policy), result.GetValue(allowPackages) ?? []) is { } problem)
                result.AddError(problem);
        });
        command.SetAction(parse =>
        {
            try
            {
                var directory = parse.GetValue(prefix) is { } dir ? KernelspecLocation.Prefix(dir)
                    : parse.GetValue(sysPrefix) ? KernelspecLocation.SysPrefix()
                    : KernelspecLocation.User();
                var level = new KernelspecLevel(parse.GetValue(policy), parse.GetValue(allowPackages) ?? []);
                var specName = parse.GetValue(name) ?? level.DefaultName;
                var installed = KernelspecInstaller.Install(directory, specName, parse.GetValue(displayName) ?? level.DefaultDisplayName, level.Environment);
                Console.WriteLine($"Installed kernelspec {specName} in {installed}{level.Summary}");
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
