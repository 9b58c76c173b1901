namespace CSharpKernel.Server;

/// <summary>
/// Where the server's signed frames go: a socket's loop in the kernel, a recording fake in the
/// tests of the dispatcher and handlers. Safe to call from any thread.
/// </summary>
internal interface IFrameSender
{
    void Send(List<byte[]> frames);
}
