namespace CSharpKernel.Protocol;

public static class ExecutionState
{
    public const string Starting = "starting";
    public const string Busy = "busy";
    public const string Idle = "idle";
}
