using System.Text.Json.Nodes;
using CSharpKernel.Logging;
using CSharpKernel.Protocol;

namespace CSharpKernel.Server.Handlers;

/// <summary>Comms: the kernel registers no comm targets yet, so every comm_open is closed at once.</summary>
internal static class CommHandler
{
    public static void Info(RequestContext request) =>
        request.Reply(new CommInfoReply());

    public static void Open(RequestContext request)
    {
        var content = request.Content(ProtocolJsonContext.Default.CommOpenContent);
        KernelLog.Info($"comm_open for unknown target '{content.TargetName}': closing it");
        request.Publish(new CommCloseContent(content.CommId, new JsonObject()));
    }

    /// <summary>comm_msg and comm_close for comms the kernel never opened: nothing to do.</summary>
    public static void Ignore(RequestContext request) =>
        KernelLog.Debug($"{request.Message.MsgType} for a comm the kernel does not have");
}
