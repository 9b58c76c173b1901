namespace CSharpKernel.Protocol;

public sealed record HelpLink(string Text, string Url);
