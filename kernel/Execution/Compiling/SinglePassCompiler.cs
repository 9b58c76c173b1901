using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace CSharpKernel.Execution;

/// <summary>
/// The common cell in one emit. When the syntax alone shows there is nothing for the binder to
/// decide (no history name to resolve, no declaration that could take a reserved name), the
/// final text, with its value captured and its checkpoints in, is emitted at once, without first
/// binding the text as written: each compilation of a cell costs about as much as its emit. A value
/// whose static type can be written by name is kept by the history, not captured: the text as
/// written runs, and the cell stays off the chain.
/// Anything else, and any cell that does not compile this way, goes the careful way
/// (<see cref="CellCompiler"/>), which finds and places the errors on the user's text.
/// </summary>
internal static class SinglePassCompiler
{
    /// <summary>The cell ready to run, or null when it must be compiled the careful way.</summary>
    /// <param name="tree">The cell's text, parsed.</param>
    /// <param name="prelude">The accessors of stored values the cell names (<see cref="CellPrelude"/>), on the user's text.</param>
    public static CompiledCell? TryCompile(SubmissionChain state, string code, SyntaxTree tree, TextChange? prelude, ScriptOptions options,
        string? captureVariable, CancellationToken token)
    {
        if (NeedsBinder(tree, token))
            return null;
        var original = SourceText.From(code);
        TextChange[] preludeEdits = prelude is { } insert ? [insert] : [];
        string Edited(params TextChange[] edits) => new CellRewrite(original, preludeEdits.Concat(edits)).Text;
        var text = Edited();
        var asWritten = state.Script.ContinueWith(text, options);
        if (CellClassifier.TrailingExpression((CompilationUnitSyntax)tree.GetRoot(token)) is not { } expression)
            return Build(asWritten, text, null, token);
        // The type is asked of the text as written, which the build then reuses: only a value whose
        // type has no name is captured, in a compilation of its own.
        var type = TrailingType(asWritten, token);
        if (CaptureRewrite.IsDisplay(type))
        {
            var statement = Edited(CaptureRewrite.Terminate(expression));
            return Build(state.Script.ContinueWith(statement, options), statement, null, token);
        }
        if (captureVariable is null || !CaptureRewrite.CanHold(type))
            return Build(asWritten, text, null, token);
        if (CaptureRewrite.WrittenName(type) is { } typeName)
            return Build(asWritten, text, null, token) is { } kept ? kept with { ValueType = typeName } : null;
        return Capturing(state, Edited(CaptureRewrite.Edits(expression, captureVariable)), options, captureVariable, token)
            ?? Build(asWritten, text, null, token);
    }

    internal static ITypeSymbol? TrailingType(Script<object> script, CancellationToken token)
    {
        var compilation = script.GetCompilation();
        var tree = CellTrees.Of(compilation, script.Options.FilePath);
        return CellClassifier.TrailingExpression((CompilationUnitSyntax)tree.GetRoot(token)) is { } expression
            ? compilation.GetSemanticModel(tree).GetTypeInfo(expression, token).Type
            : null;
    }

    /// <summary>
    /// The cell with its value captured, when the value can be held (decided by binding the one
    /// expression in the captured text) and the captured text compiles; else null.
    /// </summary>
    private static CompiledCell? Capturing(SubmissionChain state, string text, ScriptOptions options, string variable, CancellationToken token)
    {
        var script = state.Script.ContinueWith(text, options);
        var compilation = script.GetCompilation();
        var tree = CellTrees.Of(compilation, options.FilePath);
        var declarator = tree.GetRoot(token).DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .LastOrDefault(d => d.Identifier.ValueText == variable);
        if (declarator?.Initializer is not { } initializer
            || !CaptureRewrite.CanHold(compilation.GetSemanticModel(tree).GetTypeInfo(initializer.Value, token).Type))
            return null;
        return Build(script, text, variable, token);
    }

    /// <summary>The script with its checkpoints, built; null if it does not compile.</summary>
    private static CompiledCell? Build(Script<object> script, string text, string? capturedVariable, CancellationToken token)
    {
        var runnable = CheckpointCompiler.Instrument(script, token);
        return CellCompiler.BuildErrors(runnable, token).Count == 0 ? new CompiledCell(runnable, text, capturedVariable, null) : null;
    }

    /// <summary>
    /// A syntax error, a #load, a history name (even one that is a discard: only the binder tells
    /// them apart) or a declaration of a reserved name (even a local one: only the binder tells a
    /// local from a script member). Each is decided, and reported, on the careful path.
    /// </summary>
    internal static bool NeedsBinder(SyntaxTree tree, CancellationToken token)
    {
        if (tree.GetDiagnostics(token).Any(d => d.Severity == DiagnosticSeverity.Error))
            return true;
        var root = (CompilationUnitSyntax)tree.GetRoot(token);
        return root.GetLoadDirectives().Count > 0
            || root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && CellHistory.DepthOf(t.ValueText) > 0)
            || ReservedNames.MayDeclare(root);
    }
}
