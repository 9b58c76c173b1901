using CSharpKernel.Interpreter;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

internal sealed class IsCompleteHandler
{
    private readonly IInterpreter _interpreter;

    public IsCompleteHandler(IInterpreter interpreter) => _interpreter = interpreter;

    public void Handle(RequestContext request)
    {
        var content = request.Content(ProtocolJsonContext.Default.IsCompleteRequest);
        request.Reply(_interpreter.IsComplete(content.Code));
    }
}
