using System.Reflection;

namespace CSharpKernel.Execution;

/// <summary>
/// Names a cell's stack frame as the user wrote it. The compiler names what it generates
/// <c>&lt;Outer&gt;k__Rest</c>: k is b for a lambda, g for a local function (Rest is then
/// <c>Name|n_m</c>), d for an async or iterator state machine (whose frame is its MoveNext). The
/// cell's own body is <c>&lt;Initialize&gt;</c> and gets no name.
/// </summary>
internal static class FrameNames
{
    private const string CellBody = "<Initialize>";

    /// <summary>", in Name" for a frame in a named member; "" for the cell's own body.</summary>
    public static string InMember(MethodBase method)
    {
        var name = method.Name == "MoveNext" && method.DeclaringType?.Name.StartsWith('<') == true
            ? method.DeclaringType.Name
            : method.Name;
        var described = Describe(name);
        return described.Length == 0 ? "" : $", in {described}";
    }

    private static string Describe(string name)
    {
        if (name == CellBody || !name.StartsWith('<'))
            return name == CellBody ? "" : name;
        var close = MatchingClose(name);
        if (close < 0)
            return name;
        var outer = name[1..close];
        var outerName = outer == CellBody ? "" : Describe(outer);
        var rest = name[(close + 1)..];
        if (rest.StartsWith("g__", StringComparison.Ordinal))
        {
            var bar = rest.IndexOf('|');
            return bar > 3 ? rest[3..bar] : rest[3..];
        }
        if (rest.StartsWith("b__", StringComparison.Ordinal))
            return outerName.Length == 0 ? "a lambda" : $"a lambda in {outerName}";
        return outerName;
    }

    private static int MatchingClose(string name)
    {
        var depth = 0;
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '<')
                depth++;
            else if (name[i] == '>' && --depth == 0)
                return i;
        }
        return -1;
    }
}
