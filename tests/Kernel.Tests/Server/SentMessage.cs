using CSharpKernel.Wire;

namespace CSharpKernel.Tests.Server;

/// <summary>A message the server sent, on which channel, decoded as a client reads it.</summary>
internal sealed record SentMessage(string Channel, JupyterMessage Message)
{
    public string MsgType => Message.MsgType;
    public string? ParentId => Message.ParentHeader?.MsgId;
    public string Str(string property) => Message.Content.GetProperty(property).GetString()!;
    public int Int(string property) => Message.Content.GetProperty(property).GetInt32();
    public override string ToString() => $"{Channel} {MsgType} {Message.Content}";
}
