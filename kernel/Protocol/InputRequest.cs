namespace CSharpKernel.Protocol;

public sealed record InputRequest(string Prompt, bool Password);
