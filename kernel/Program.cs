using CSharpKernel.Cli;

// The kernelspec's own command line skips the parser: Jupyter waits for every kernel start.
return args is ["run", "--connection-file" or "-f", var connectionFile]
    ? CommandLine.RunKernel(new FileInfo(connectionFile))
    : CommandLine.Build().Parse(args).Invoke();
