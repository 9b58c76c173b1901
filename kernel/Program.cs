using CSharpKernel.Cli;
using CSharpKernel.Server;

try
{
    // The kernelspec's own command line skips the parser: Jupyter waits for every kernel start.
    return args is ["run", "--connection-file" or "-f", var connectionFile]
        ? CommandLine.RunKernel(new FileInfo(connectionFile))
        : CommandLine.Build().Parse(args).Invoke();
}
catch (PortInUseException e)
{
    Console.Error.WriteLine($"csharp-kernel: {e.Message}");
    return 1;
}
