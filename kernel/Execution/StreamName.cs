namespace CSharpKernel.Execution;

public static class StreamName
{
    public const string Stdout = "stdout";
    public const string Stderr = "stderr";
}
