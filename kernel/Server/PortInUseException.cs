namespace CSharpKernel.Server;

/// <summary>A channel's address from the connection file is taken: another kernel, or a stale connection file.</summary>
internal sealed class PortInUseException(string channel, ChannelEndpoint endpoint, Exception inner)
    : Exception($"cannot listen on the {channel} channel: {endpoint} is already in use (another kernel with the same connection file?)", inner);
