using CSharpKernel.Language;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

internal static class IsCompleteHandler
{
    public static void Handle(RequestContext request)
    {
        var content = request.Content(ProtocolJsonContext.Default.IsCompleteRequest);
        request.Reply(CompletenessChecker.Check(content.Code), ProtocolJsonContext.Default.IsCompleteReply);
    }
}
