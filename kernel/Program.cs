using CSharpKernel.Cli;

return CommandLine.Build().Parse(args).Invoke();
