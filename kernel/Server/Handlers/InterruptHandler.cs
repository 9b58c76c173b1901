using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

internal sealed class InterruptHandler
{
    private readonly RunningRequest _running;

    public InterruptHandler(RunningRequest running) => _running = running;

    public void Handle(RequestContext request)
    {
        _running.Interrupt();
        request.Reply(new InterruptReply());
    }
}
