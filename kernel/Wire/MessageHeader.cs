using System.Text.Json.Serialization;

namespace CSharpKernel.Wire;

/// <summary>The header frame of a Jupyter message, as the spec names its fields.</summary>
internal sealed record MessageHeader(
    [property: JsonPropertyName("msg_id")] string MsgId,
    [property: JsonPropertyName("session")] string Session,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("msg_type")] string MsgType,
    [property: JsonPropertyName("version")] string Version);
