namespace CSharpKernel.Execution;

internal static class StreamName
{
    public const string Stdout = "stdout";
    public const string Stderr = "stderr";
}
