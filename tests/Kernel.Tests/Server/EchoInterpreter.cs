using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CSharpKernel.Interpreter;
using CSharpKernel.Protocol;

namespace CSharpKernel.Tests.Server;

/// <summary>
/// A language that repeats what it is given, to show that the server needs nothing of C#: a cell
/// prints its code and returns it as its result. A few cells do more, for the protocol's rules:
/// <c>fail</c> is an error, <c>fail after gate</c> one that waits for <see cref="OpenGate"/>,
/// <c>wait</c> runs until interrupted, <c>input</c> asks the client for a line.
/// </summary>
internal sealed class EchoInterpreter : IInterpreter
{
    private readonly ManualResetEventSlim _gate = new();
    private readonly ConcurrentQueue<string> _executed = new();

    public InterpreterInfo Info { get; } = new("echo-kernel", "1.0.0",
        new LanguageInfo
        {
            Name = "echo",
            Version = "1.0",
            Mimetype = "text/plain",
            FileExtension = ".txt",
            PygmentsLexer = "text",
            CodemirrorMode = "null",
            NbconvertExporter = "script",
        },
        "Echo: says what it is told", [new HelpLink("Echo", "https://example.org/echo")]);

    /// <summary>The code of every cell run, in order: what the server passed on.</summary>
    public IReadOnlyCollection<string> Executed => _executed;

    public int WarmUps { get; private set; }
    public bool? ShutdownRestart { get; private set; }

    public void OpenGate() => _gate.Set();

    public void WarmUp() => WarmUps++;

    public ExecuteOutcome Execute(string code, ExecuteOptions options, int executionCount, ExecuteContext context)
    {
        _executed.Enqueue(code);
        switch (code)
        {
            case "fail":
                return Failed("EchoError", "told to fail");
            case "fail after gate":
                _gate.Wait(context.Interrupt);
                return Failed("EchoError", "told to fail");
            case "wait":
                context.Interrupt.WaitHandle.WaitOne();
                return Failed("KeyboardInterrupt", "interrupted");
            case "input":
                code = context.Input.ReadLine("say: ", password: false, context.Interrupt);
                break;
        }
        context.Output?.Stream("stdout", code);
        return new ExecuteOutcome
        {
            Result = options.Silent ? null : new JsonObject { ["text/plain"] = code },
            UserExpressions = options.UserExpressions.ToDictionary(e => e.Key, e => (JsonNode?)new JsonObject
            {
                ["status"] = ReplyStatus.Ok,
                ["data"] = new JsonObject { ["text/plain"] = e.Value },
                ["metadata"] = new JsonObject(),
            }),
        };
    }

    public CompleteReply Complete(string code, int cursorPos) =>
        new() { Matches = [code[..cursorPos] + "!"], CursorStart = 0, CursorEnd = cursorPos };

    public InspectReply Inspect(string code, int cursorPos, int detailLevel) =>
        new() { Found = true, Data = new JsonObject { ["text/plain"] = $"echo of {code}" } };

    public IsCompleteReply IsComplete(string code) =>
        code.EndsWith('\\') ? new IsCompleteReply { Status = "incomplete", Indent = "" } : new IsCompleteReply { Status = "complete" };

    public IReadOnlyList<HistoryEntry> History(HistoryRequest request) =>
        [.. _executed.Select((code, index) => new HistoryEntry(1, index + 1, code, code))];

    public void Shutdown(bool restart) => ShutdownRestart = restart;

    public void Dispose() => _gate.Dispose();

    private static ExecuteOutcome Failed(string ename, string evalue) =>
        ExecuteOutcome.Failed(new ErrorContent(ename, evalue, [$"{ename}: {evalue}"]));
}
