using CSharpKernel.Protocol;

namespace CSharpKernel.Interpreter;

/// <summary>The language's part of kernel_info_reply; the server adds the protocol version and status.</summary>
internal sealed record InterpreterInfo(string Implementation, string ImplementationVersion, LanguageInfo LanguageInfo, string Banner,
    IReadOnlyList<HelpLink> HelpLinks);
