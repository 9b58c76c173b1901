using CSharpKernel.Server;

namespace CSharpKernel.Tests.Server;

/// <summary>A channel that sends nothing: what the server hands it is kept in the log, as a socket would have sent it.</summary>
internal sealed class RecordingSender(string channel, SentLog log) : IFrameSender
{
    public void Send(List<byte[]> frames) => log.Add(channel, frames);
}
