namespace CSharpKernel.Protocol;

public sealed record StreamOutput(string Name, string Text);
