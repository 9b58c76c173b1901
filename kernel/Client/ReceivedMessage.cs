using System.Text.Json;

namespace CSharpKernel.Client;

/// <summary>A message the test client received, with its content parsed.</summary>
internal sealed record ReceivedMessage(string Channel, string MsgType, string? ParentMsgId, JsonElement Header, JsonElement Content, JsonElement ParentHeader, IReadOnlyList<byte[]> Buffers)
{
    public string Str(string property) => Content.GetProperty(property).GetString()!;

    public override string ToString() => $"{Channel} {MsgType} {Content}";
}
