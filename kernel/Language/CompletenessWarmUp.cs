using System.Text.Json;
using CSharpKernel.Protocol;

namespace CSharpKernel.Language;

/// <summary>
/// Runs the is_complete check once over the shapes of code people type first, on a thread of its
/// own, so that the JIT compiles Roslyn's parser paths before the first request instead of while a
/// client waits for it. jupyter console asks is_complete from inside its Enter key handler, in a
/// nested event loop: a key or the terminal's cursor-position report arriving in that wait breaks
/// the prompt ("cannot enter context"), so a cold first answer of 0.2 to 0.6 s on a busy machine,
/// against ipykernel's few milliseconds, left a window users and scripts typing ahead fell into.
/// </summary>
internal static class CompletenessWarmUp
{
    private static readonly string[] Shapes =
    [
        "1+1",
        "Console.WriteLine(\"hello, world\")",
        "var xs = new List<int> { 1, 2 };\nforeach (var x in xs.Where(v => v > 1))\n{\n    Console.WriteLine($\"{x}\");\n}",
        "class C { public int P { get; set; } }\nawait Task.Delay(1);",
        "if (true) {",
        "int x = ;",
        "%time 1",
        "%%time",
        "#!html\n<b>x</b>",
        "#r \"nuget: X\"",
    ];

    public static void Start() =>
        new Thread(() =>
        {
            foreach (var code in Shapes)
                JsonSerializer.SerializeToUtf8Bytes(CompletenessChecker.Check(code), ProtocolJsonContext.Default.IsCompleteReply);
        }) { IsBackground = true, Name = "is_complete warm-up" }.Start();
}
