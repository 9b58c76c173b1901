using System.Text;
using CSharpKernel.Logging;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server;

/// <summary>
/// Answers each subscription that reaches the iopub XPUB socket with iopub_welcome, so that a client
/// knows it will see what the kernel publishes from now on. The first subscriber is also the first
/// who can see the `starting` status: it goes out once, right after that first welcome, because
/// published any earlier it would reach nobody.
/// </summary>
public sealed class IopubWelcome
{
    private readonly Messenger _messenger;
    private bool _started;

    public IopubWelcome(Messenger messenger) => _messenger = messenger;

    /// <summary>Called on the iopub thread with each frame the XPUB socket receives; sends on that socket directly.</summary>
    public void OnSubscription(SocketLoop iopub, List<byte[]> frames)
    {
        // A subscription frame is 1 then the topic; 0 then the topic is an unsubscription.
        if (frames is not [[1, ..] frame])
            return;
        var topic = frame[1..];
        var subscription = Encoding.UTF8.GetString(topic);
        KernelLog.Debug($"iopub: welcome to subscription '{subscription}'");
        iopub.SendNow(_messenger.Encode([topic], null, "iopub_welcome", new IopubWelcomeContent(subscription),
            ProtocolJsonContext.Default.IopubWelcomeContent));
        if (_started)
            return;
        _started = true;
        iopub.SendNow(_messenger.Encode([Encoding.ASCII.GetBytes("status")], null, "status",
            new StatusContent(ExecutionState.Starting), ProtocolJsonContext.Default.StatusContent));
    }
}
