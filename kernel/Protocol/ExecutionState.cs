namespace CSharpKernel.Protocol;

internal static class ExecutionState
{
    public const string Starting = "starting";
    public const string Busy = "busy";
    public const string Idle = "idle";
}
