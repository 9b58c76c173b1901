namespace CSharpKernel.Client;

/// <summary>Everything one execute_request produced: its reply and the iopub messages parented to it, up to idle.</summary>
internal sealed record ExecutionResult(ReceivedMessage Reply, IReadOnlyList<ReceivedMessage> Iopub)
{
    public string Status => Reply.Str("status");

    public string Stdout => string.Concat(Iopub.Where(m => m.MsgType == "stream" && m.Str("name") == "stdout").Select(m => m.Str("text")));

    public string Stderr => string.Concat(Iopub.Where(m => m.MsgType == "stream" && m.Str("name") == "stderr").Select(m => m.Str("text")));

    /// <summary>The text/plain of the execute_result, or null when there was none.</summary>
    public string? Result => Iopub.FirstOrDefault(m => m.MsgType == "execute_result")?.Content.GetProperty("data").GetProperty("text/plain").GetString();

    public ReceivedMessage? Error => Iopub.FirstOrDefault(m => m.MsgType == "error");

    public IEnumerable<ReceivedMessage> OfType(string msgType) => Iopub.Where(m => m.MsgType == msgType);

    public override string ToString() => $"{Reply}\n  " + string.Join("\n  ", Iopub);
}
