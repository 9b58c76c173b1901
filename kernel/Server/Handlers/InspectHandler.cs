using CSharpKernel.Interpreter;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

internal sealed class InspectHandler
{
    private readonly IInterpreter _interpreter;

    public InspectHandler(IInterpreter interpreter) => _interpreter = interpreter;

    public void Handle(RequestContext request)
    {
        var content = request.Content(ProtocolJsonContext.Default.InspectRequest);
        request.Reply(_interpreter.Inspect(content.Code, content.CursorPos, content.DetailLevel));
    }
}
