using System.Text.Json.Serialization.Metadata;

namespace CSharpKernel.Protocol;

/// <summary>Every field but the access type may be absent or null; the defaults are IPython's.</summary>
internal sealed record HistoryRequest : IMessageContent<HistoryRequest>
{
    public static string MsgType => "history_request";

    public static JsonTypeInfo<HistoryRequest> TypeInfo => ProtocolJsonContext.Default.HistoryRequest;

    public bool Output { get; set; }
    public bool Raw { get; set; } = true;
    public string HistAccessType { get; set; } = "tail";
    public int? Session { get; set; }
    public int? Start { get; set; }
    public int? Stop { get; set; }
    public int? N { get; set; }
    public string? Pattern { get; set; }
    public bool Unique { get; set; }
}
