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
internal sealed class IopubWelcome
{
    private readonly Messenger _messenger;
    private readonly bool _welcomes;
    private bool _started;

    public IopubWelcome(Messenger messenger)
    {
        _messenger = messenger;
        _welcomes = !LaunchedByDotnetInteractive();
        if (!_welcomes)
            KernelLog.Info("started by .NET Interactive, whose iopub reader stops at a message type it does not know: no iopub_welcome");
    }

    /// <summary>
    /// .NET Interactive's <c>#!connect jupyter</c> (the Polyglot Notebooks path) reads iopub in a loop
    /// that ends at the first message type it has no class for, so after a welcome it never saw a
    /// cell's output again. It launches the kernel itself, so its own command line tells it apart.
    /// </summary>
    private static bool LaunchedByDotnetInteractive()
    {
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            var launcher = File.ReadAllText($"/proc/{LinuxCalls.GetParentPid()}/cmdline");
            return launcher.Contains("dotnet-interactive", StringComparison.OrdinalIgnoreCase)
                || launcher.Contains("Microsoft.DotNet.Interactive.App", StringComparison.OrdinalIgnoreCase);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Called on the iopub thread with each frame the XPUB socket receives; sends on that socket directly.</summary>
    public void OnSubscription(SocketLoop iopub, List<byte[]> frames)
    {
        // A subscription frame is 1 then the topic; 0 then the topic is an unsubscription.
        if (frames is not [[1, ..] frame])
            return;
        var topic = frame[1..];
        var subscription = Encoding.UTF8.GetString(topic);
        if (_welcomes)
        {
            KernelLog.Debug($"iopub: welcome to subscription '{subscription}'");
            iopub.SendNow(_messenger.Encode([topic], null, new IopubWelcomeContent(subscription)));
        }
        if (_started)
            return;
        _started = true;
        iopub.SendNow(_messenger.Encode([Encoding.ASCII.GetBytes(StatusContent.MsgType)], null, new StatusContent(ExecutionState.Starting)));
    }
}
