namespace CSharpKernel.Protocol;

internal sealed record HelpLink(string Text, string Url);
