using CSharpKernel.Interpreter;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

/// <summary>kernel_info_request, on shell and on control: the interpreter's description and the protocol the server speaks.</summary>
internal sealed class KernelInfoHandler
{
    private readonly Lazy<KernelInfoReply> _reply;

    public KernelInfoHandler(IInterpreter interpreter) => _reply = new(() => Reply(interpreter.Info));

    public void Handle(RequestContext request) =>
        request.Reply(_reply.Value);

    public static KernelInfoReply Reply(InterpreterInfo info) => new()
    {
        ProtocolVersion = Messenger.ProtocolVersion,
        Implementation = info.Implementation,
        ImplementationVersion = info.ImplementationVersion,
        LanguageInfo = info.LanguageInfo,
        Banner = info.Banner,
        HelpLinks = info.HelpLinks,
    };
}
