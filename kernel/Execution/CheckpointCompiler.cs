using CSharpKernel.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution;

/// <summary>
/// Adds the checkpoints to a cell that compiles. It runs after <see cref="CellCompiler"/>, so a
/// cell's errors are always found, and placed, on the text the user wrote.
/// </summary>
public static class CheckpointCompiler
{
    /// <summary>The script with checkpoints; the script itself when there are none to add, or should they not compile.</summary>
    public static Script<object> Instrument(Script<object> compiled, CancellationToken token)
    {
        var compilation = compiled.GetCompilation();
        var tree = CellTree(compilation, compiled.Options.FilePath);
        var text = CheckpointRewriter.Rewrite(tree, () => compilation.GetSemanticModel(tree));
        if (text is null)
            return compiled;
        var instrumented = compiled.Previous is { } previous
            ? previous.ContinueWith<object>(text, compiled.Options)
            : CSharpScript.Create<object>(text, compiled.Options, compiled.GlobalsType);
        if (!instrumented.Compile(token).Any(d => d.Severity == DiagnosticSeverity.Error))
            return instrumented;
        KernelLog.Warn($"a cell compiles but not with checkpoints; it runs without them (its loops do not see interrupts). With checkpoints:\n{text}");
        return compiled;
    }

    /// <summary>The cell's own tree, not those of files it #load-s; the source resolver may have made its path absolute.</summary>
    private static SyntaxTree CellTree(Compilation compilation, string cellPath) =>
        compilation.SyntaxTrees.LastOrDefault(t => Path.GetFileName(t.FilePath) == Path.GetFileName(cellPath))
        ?? compilation.SyntaxTrees.Last();
}
