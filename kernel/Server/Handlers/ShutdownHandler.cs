using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

/// <summary>Replies first, then asks the server to stop; the reply and the idle after it still go out.</summary>
internal sealed class ShutdownHandler
{
    private readonly Action<bool> _requestShutdown;

    /// <param name="requestShutdown">Stops the server; told whether the client means to restart the kernel.</param>
    public ShutdownHandler(Action<bool> requestShutdown) => _requestShutdown = requestShutdown;

    public void Handle(RequestContext request)
    {
        var content = request.Content(ProtocolJsonContext.Default.ShutdownRequest);
        request.Reply(new ShutdownReply { Restart = content.Restart });
        _requestShutdown(content.Restart);
    }
}
