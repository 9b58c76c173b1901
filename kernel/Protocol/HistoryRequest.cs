namespace CSharpKernel.Protocol;

/// <summary>Every field but the access type may be absent or null; the defaults are IPython's.</summary>
public sealed record HistoryRequest
{
    public bool Output { get; init; }
    public bool Raw { get; init; } = true;
    public string HistAccessType { get; init; } = "tail";
    public int? Session { get; init; }
    public int? Start { get; init; }
    public int? Stop { get; init; }
    public int? N { get; init; }
    public string? Pattern { get; init; }
    public bool Unique { get; init; }
}
