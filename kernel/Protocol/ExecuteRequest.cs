using System.Text.Json;

namespace CSharpKernel.Protocol;

public sealed record ExecuteRequest
{
    public string Code { get; init; } = "";
    public bool Silent { get; init; }
    public bool StoreHistory { get; init; } = true;
    public Dictionary<string, string> UserExpressions { get; init; } = [];
    public bool AllowStdin { get; init; } = true;
    public bool StopOnError { get; init; } = true;
}
