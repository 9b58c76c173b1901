namespace CSharpKernel.Protocol;

internal sealed record StreamOutput(string Name, string Text);
