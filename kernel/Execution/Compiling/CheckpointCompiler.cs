using CSharpKernel.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution;

/// <summary>
/// Adds the checkpoints to a cell, on either way of compiling it. A cell whose errors are
/// reported has been bound as written first (<see cref="CellCompiler"/>), so they are always
/// found, and placed, on the text the user wrote.
/// </summary>
internal static class CheckpointCompiler
{
    /// <summary>
    /// The script with checkpoints, already built; the script itself when there are none to add,
    /// or should they not compile.
    /// </summary>
    public static Script<object> Instrument(Script<object> compiled, CancellationToken token)
    {
        var compilation = compiled.GetCompilation();
        var tree = CellTrees.Of(compilation, compiled.Options.FilePath);
        var text = CheckpointRewriter.Rewrite(tree, () => compilation.GetSemanticModel(tree));
        if (text is null)
            return compiled;
        var instrumented = compiled.Previous is { } previous
            ? previous.ContinueWith<object>(text, compiled.Options)
            : CSharpScript.Create<object>(text, compiled.Options, compiled.GlobalsType);
        if (CellCompiler.BuildErrors(instrumented, token).Count == 0)
            return instrumented;
        // Building the cell as written costs nothing extra: the caller builds it next either way.
        if (CellCompiler.BuildErrors(compiled, token).Count == 0)
            KernelLog.Warn($"a cell compiles but not with checkpoints; it runs without them (its loops do not see interrupts). With checkpoints:\n{text}");
        return compiled;
    }
}
