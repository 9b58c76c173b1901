using CSharpKernel.Language;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

internal sealed class InspectHandler
{
    private readonly LanguageService _language;

    public InspectHandler(LanguageService language) => _language = language;

    public void Handle(RequestContext request)
    {
        var content = request.Content(ProtocolJsonContext.Default.InspectRequest);
        request.Reply(_language.Inspect(content.Code, content.CursorPos, content.DetailLevel), ProtocolJsonContext.Default.InspectReply);
    }
}
