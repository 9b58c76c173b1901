using CSharpKernel.Interpreter;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

internal sealed class CompleteHandler
{
    private readonly IInterpreter _interpreter;

    public CompleteHandler(IInterpreter interpreter) => _interpreter = interpreter;

    public void Handle(RequestContext request)
    {
        var content = request.Content(ProtocolJsonContext.Default.CompleteRequest);
        request.Reply(_interpreter.Complete(content.Code, content.CursorPos));
    }
}
