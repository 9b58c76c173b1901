using System.Text.Json.Serialization.Metadata;
using System.Text.Json;

namespace CSharpKernel.Protocol;

/// <remarks>
/// Requests use settable properties, not init-only ones: the source-generated deserializer passes
/// default(T) for every init-only property missing from the JSON, which would wipe out the spec's
/// defaults (store_history and allow_stdin are true when absent).
/// </remarks>
internal sealed record ExecuteRequest : IMessageContent<ExecuteRequest>
{
    public static string MsgType => "execute_request";

    public static JsonTypeInfo<ExecuteRequest> TypeInfo => ProtocolJsonContext.Default.ExecuteRequest;

    public string Code { get; set; } = "";
    public bool Silent { get; set; }
    public bool StoreHistory { get; set; } = true;
    public Dictionary<string, string> UserExpressions { get; set; } = [];
    public bool AllowStdin { get; set; } = true;
    public bool StopOnError { get; set; } = true;
}
