using System.Text.Json.Nodes;
using CSharpKernel.Tests.Harness;

namespace CSharpKernel.Tests.Faults;

/// <summary>What a front end sends on control when the user presses the stop button.</summary>
internal static class ControlRequests
{
    public static void Interrupt(KernelClient client) =>
        Assert.That(client.Request("interrupt_request", new JsonObject(), channel: "control").Str("status"), Is.EqualTo("ok"));
}
