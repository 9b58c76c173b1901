namespace CSharpKernel.Protocol;

internal static class ReplyStatus
{
    public const string Ok = "ok";
    public const string Error = "error";
    public const string Aborted = "aborted";
}
