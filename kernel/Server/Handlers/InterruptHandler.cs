using CSharpKernel.Execution;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

internal sealed class InterruptHandler
{
    private readonly CellCancellation _cancellation;

    public InterruptHandler(CellCancellation cancellation) => _cancellation = cancellation;

    public void Handle(RequestContext request)
    {
        _cancellation.Interrupt();
        request.Reply(new InterruptReply(), ProtocolJsonContext.Default.InterruptReply);
    }
}
