namespace CSharpKernel.Security;

/// <summary>What the operating-system wall must leave open for the kernel itself.</summary>
/// <param name="WorkingDirectory">Readable and writable at restricted (where <c>Kernel.Files</c> works); closed at sandbox.</param>
/// <param name="TcpPorts">The ports the kernel binds (the connection file's); empty when it cannot know them (ipc), and TCP is then left open.</param>
/// <param name="PackageDirectories">Where restore writes at restricted (the kernel's package cache, NuGet's folders).</param>
/// <param name="ConnectionFile">Read again by the kernel executed inside the wall.</param>
/// <param name="TempDirectory">The kernel's own temporary folder at restricted (TMPDIR for it and restore), instead of the shared /tmp.</param>
/// <param name="IpcDirectory">Where the kernel makes its Unix sockets, for the ipc transport; null for tcp.</param>
internal sealed record OsWallScope(string WorkingDirectory, IReadOnlyList<int> TcpPorts, IReadOnlyList<string> PackageDirectories, string ConnectionFile,
    string TempDirectory, string? IpcDirectory);
