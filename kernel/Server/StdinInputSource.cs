using CSharpKernel.Interpreter;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server;

/// <summary>Input for one execute_request: an input_request on stdin, to the identity that sent the request.</summary>
internal sealed class StdinInputSource : IInputSource
{
    private readonly RequestContext _request;
    private readonly bool _allowed;
    private readonly IFrameSender _stdin;
    private readonly StdinBroker _broker;
    private readonly Messenger _messenger;

    public StdinInputSource(RequestContext request, bool allowed, IFrameSender stdin, StdinBroker broker, Messenger messenger)
    {
        _request = request;
        _allowed = allowed;
        _stdin = stdin;
        _broker = broker;
        _messenger = messenger;
    }

    public string ReadLine(string prompt, bool password, CancellationToken token)
    {
        if (!_allowed)
            throw new InvalidOperationException("Input was requested, but this client does not accept input (the request has allow_stdin false, as in unattended runs such as nbconvert or papermill).");
        var reply = _broker.Expect();
        _messenger.Send(_stdin, _request.Message, new InputRequest(prompt, password));
        try
        {
            reply.Wait(token);
            return reply.Result;
        }
        finally
        {
            _broker.Abandon();
        }
    }
}
