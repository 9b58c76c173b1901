namespace CSharpKernel.Tests.Faults;

/// <summary>
/// One multipart message the fuzzer sends: its frames, the msg_id it claims (if any), and whether
/// the kernel owes it a reply (signed, parseable, a request the kernel knows).
/// </summary>
public sealed record HostileFrame(string Kind, string Channel, IReadOnlyList<byte[]> Frames, string? MsgId, bool Answered);
