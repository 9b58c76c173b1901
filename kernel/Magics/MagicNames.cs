namespace CSharpKernel.Magics;

/// <summary>The magics the kernel knows, as the user types them; completion offers these after <c>%</c>.</summary>
public static class MagicNames
{
    public static readonly IReadOnlyList<string> Line = ["%time", "%who", "%whos", "%reset", "%lsmagic"];

    public static readonly IReadOnlyList<string> Cell = ["%%time"];

    public static IEnumerable<string> All => Cell.Concat(Line);
}
