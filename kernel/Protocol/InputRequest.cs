namespace CSharpKernel.Protocol;

internal sealed record InputRequest(string Prompt, bool Password);
