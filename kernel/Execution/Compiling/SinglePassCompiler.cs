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
/// binding the text as written: each compilation of a cell costs about as much as its emit.
/// Anything else, and any cell that does not compile this way, goes the careful way
/// (<see cref="CellCompiler"/>), which finds and places the errors on the user's text.
/// </summary>
internal static class SinglePassCompiler
{
    /// <summary>The cell ready to run, or null when it must be compiled the careful way.</summary>
    public static CompiledCell? TryCompile(SubmissionChain state, string code, ScriptOptions options, string? captureVariable,
        CancellationToken token)
    {
        var tree = CSharpSyntaxTree.ParseText(code, CellClassifier.ParseOptions, options.FilePath, cancellationToken: token);
        if (NeedsBinder(tree, token))
            return null;
        var asWritten = state.Script.ContinueWith(code, options);
        if (CellClassifier.TrailingExpression((CompilationUnitSyntax)tree.GetRoot(token)) is not { } expression)
            return Build(asWritten, code, null, token);
        // A call is often void, and then the text as written is what runs: its type is asked of
        // that compilation, which the build then reuses. Any other expression nearly always has a
        // value, so its type is asked of the compilation that captures it.
        var type = MayBeVoid(expression) ? TrailingType(asWritten, token) : null;
        if (CaptureRewrite.IsDisplay(type))
        {
            var statement = SourceText.From(code).WithChanges(CaptureRewrite.Terminate(expression)).ToString();
            return Build(state.Script.ContinueWith(statement, options), statement, null, token);
        }
        if (captureVariable is null || (MayBeVoid(expression) && !CaptureRewrite.CanHold(type)))
            return Build(asWritten, code, null, token);
        return Capturing(state, code, options, expression, captureVariable, token) ?? Build(asWritten, code, null, token);
    }

    private static bool MayBeVoid(ExpressionSyntax expression) =>
        expression is InvocationExpressionSyntax or ConditionalAccessExpressionSyntax or AwaitExpressionSyntax;

    private static ITypeSymbol? TrailingType(Script<object> script, CancellationToken token)
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
    private static CompiledCell? Capturing(SubmissionChain state, string code, ScriptOptions options, ExpressionSyntax expression,
        string variable, CancellationToken token)
    {
        var text = SourceText.From(code).WithChanges(CaptureRewrite.Edits(expression, variable)).ToString();
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
    private static bool NeedsBinder(SyntaxTree tree, CancellationToken token)
    {
        if (tree.GetDiagnostics(token).Any(d => d.Severity == DiagnosticSeverity.Error))
            return true;
        var root = (CompilationUnitSyntax)tree.GetRoot(token);
        return root.GetLoadDirectives().Count > 0
            || root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && CellHistory.DepthOf(t.ValueText) > 0)
            || ReservedNames.MayDeclare(root);
    }
}
