using CSharpKernel.Language;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

internal sealed class CompleteHandler
{
    private readonly LanguageService _language;

    public CompleteHandler(LanguageService language) => _language = language;

    public void Handle(RequestContext request)
    {
        var content = request.Content(ProtocolJsonContext.Default.CompleteRequest);
        request.Reply(_language.Complete(content.Code, content.CursorPos), ProtocolJsonContext.Default.CompleteReply);
    }
}
