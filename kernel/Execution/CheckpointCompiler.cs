using CSharpKernel.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution;

/// <summary>
/// Compiles a cell with its checkpoints. When that fails, the cell as written is compiled for
/// the errors, so that lines and columns are the user's own.
/// </summary>
public static class CheckpointCompiler
{
    /// <summary>The script to run (instrumented when it can be) and the errors of the cell as written.</summary>
    public static (Script<object> Script, IReadOnlyList<Diagnostic> Errors) Compile(Script<object> written, CancellationToken token)
    {
        var compilation = written.GetCompilation();
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == written.Options.FilePath) ?? compilation.SyntaxTrees.Last();
        var text = CheckpointRewriter.Rewrite(tree, () => compilation.GetSemanticModel(tree));
        if (text is not null)
        {
            var instrumented = written.Previous is { } previous
                ? previous.ContinueWith<object>(text, written.Options)
                : CSharpScript.Create<object>(text, written.Options, written.GlobalsType);
            if (Errors(instrumented.Compile(token)).Count == 0)
                return (instrumented, []);
        }
        var errors = Errors(written.Compile(token));
        if (errors.Count == 0 && text is not null)
            KernelLog.Warn($"a cell compiles but not with checkpoints; it runs without them. With checkpoints:\n{text}");
        return (written, errors);
    }

    private static List<Diagnostic> Errors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
}
