using System.Text.Json;

namespace CSharpKernel.Wire;

/// <summary>
/// One message as it crosses a socket. Content and metadata stay as JSON so that the wire layer
/// never needs to know the protocol's message types; <see cref="ParentHeader"/> is null when the
/// parent frame is the empty object.
/// </summary>
internal sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    MessageHeader Header,
    MessageHeader? ParentHeader,
    JsonElement Metadata,
    JsonElement Content,
    IReadOnlyList<byte[]> Buffers)
{
    public string MsgType => Header.MsgType;
}
