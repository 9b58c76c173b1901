using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

/// <summary>iopub_welcome (JEP 65): tells a new subscriber that its subscription has reached the kernel.</summary>
internal sealed record IopubWelcomeContent(string Subscription) : IMessageContent<IopubWelcomeContent>
{
    public static string MsgType => "iopub_welcome";
    public static JsonTypeInfo<IopubWelcomeContent> TypeInfo => ProtocolJsonContext.Default.IopubWelcomeContent;
}
