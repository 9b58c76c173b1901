using CSharpKernel.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace CSharpKernel.Execution;

/// <summary>
/// Turns a cell's text into a script that continues the chain, deciding from the semantic model:
/// a declaration of an engine internal is refused; a use of <c>_</c>, <c>__</c> or <c>___</c> that
/// binds to nothing (the compiler's CS0103, so discards, lambda parameters and members named
/// <c>_</c> never qualify) becomes the name of that value, typed: an accessor to the history
/// declared at the top of the cell, or the hidden variable holding it; and the value of a trailing
/// expression is kept for later cells to use as <c>_</c>: by the history with its type's name, or,
/// when the type has no name, captured in a new hidden variable in the chain.
/// No global named <c>_</c> ever exists, so every C# discard stays a discard. Most cells need
/// none of this, and are compiled by <see cref="SinglePassCompiler"/>; this careful way binds the
/// text as written first, so the errors it reports are placed on the user's text.
/// </summary>
internal static class CellCompiler
{
    private const string UnboundName = "CS0103";

    /// <summary>The cell ready to run, its checkpoints compiled in, or the errors that stop it.</summary>
    /// <param name="variables">The store of top-level variables: the cell gets accessors for those it names, and a
    /// cell that only declares variables keeps them there; none for a compile that must not see or touch it.</param>
    public static CompiledCell Compile(SubmissionChain state, string code, ScriptOptions options, CellHistory history,
        string? captureVariable, CancellationToken token, VariableStore? variables = null)
    {
        var tree = CSharpSyntaxTree.ParseText(code, CellClassifier.ParseOptions, options.FilePath, cancellationToken: token);
        var prelude = CellPrelude.For((CompilationUnitSyntax)tree.GetRoot(token), history, variables);
        if (VariableCellRewrite.TryFirst(state, code, tree, prelude, options, captureVariable, variables, token) is { } stored)
            return stored;
        var compiled = SinglePassCompiler.TryCompile(state, code, tree, prelude, options, captureVariable, token);
        if (compiled is null)
        {
            KernelLog.Debug($"{options.FilePath}: compiled the careful way");
            compiled = Carefully(state, code, prelude, options, history, captureVariable, token);
        }
        return compiled.Error is null ? VariableCellRewrite.Apply(state, compiled, prelude, options, variables, token) : compiled;
    }

    private static CompiledCell Carefully(SubmissionChain state, string code, TextChange? prelude, ScriptOptions options,
        CellHistory history, string? captureVariable, CancellationToken token)
    {
        var original = SourceText.From(code);
        TextChange[] preludeEdits = prelude is { } insert ? [insert] : [];
        var asWritten = new CellRewrite(original, preludeEdits);
        var script = state.Script.ContinueWith(asWritten.Text, options);
        var compilation = script.GetCompilation();
        var model = compilation.GetSemanticModel(CellTrees.Of(compilation, options.FilePath));

        if (ReservedNames.FindDeclaration(model, token, skip: asWritten.IsEdited) is { } reserved)
            return CompiledCell.Failed(Tracebacks.ForReservedName(reserved.Name, Place(reserved.Location.SourceSpan.Start, asWritten), options.FilePath));

        var errors = Errors(compilation, token);
        var (resolved, historyEdits) = HistoryEdits(model.SyntaxTree, errors, history, asWritten);
        var remaining = errors.Except(resolved).ToList();
        if (remaining.Count > 0)
            return CompiledCell.Failed(Tracebacks.ForDiagnostics(Describe(remaining, asWritten, options.FilePath), options.FilePath));

        historyEdits.AddRange(preludeEdits);
        var rewrite = new CellRewrite(original, historyEdits);
        if (resolved.Count > 0)
        {
            script = state.Script.ContinueWith(rewrite.Text, options);
            compilation = script.GetCompilation();
            model = compilation.GetSemanticModel(CellTrees.Of(compilation, options.FilePath));
            var rewrittenErrors = Errors(compilation, token);
            if (rewrittenErrors.Count > 0)
                return CompiledCell.Failed(Tracebacks.ForDiagnostics(Describe(rewrittenErrors, rewrite, options.FilePath), options.FilePath));
        }

        if (DisplayEdit(model, original) is { } terminate)
        {
            var shown = new CellRewrite(original, historyEdits.Append(terminate));
            var statement = CheckpointCompiler.Instrument(state.Script.ContinueWith(shown.Text, options), token);
            if (BuildErrors(statement, token).Count == 0)
                return new CompiledCell(statement, shown.Text, null, null);
        }

        var valueType = captureVariable is null ? null : CaptureRewrite.WrittenName(TrailingType(model));
        if (captureVariable is not null && valueType is null && CaptureEdits(model, original, captureVariable) is { } captureEdits)
        {
            var captured = new CellRewrite(original, historyEdits.Concat(captureEdits));
            var capturing = CheckpointCompiler.Instrument(state.Script.ContinueWith(captured.Text, options), token);
            // A safety net: should capturing ever not compile, the cell still runs as written, only without history.
            if (BuildErrors(capturing, token).Count == 0)
                return new CompiledCell(capturing, captured.Text, captureVariable, null);
        }

        var runnable = CheckpointCompiler.Instrument(script, token);
        var final = BuildErrors(runnable, token);
        return final.Count > 0
            ? CompiledCell.Failed(Tracebacks.ForDiagnostics(Describe(final, rewrite, options.FilePath), options.FilePath))
            : new CompiledCell(runnable, rewrite.Text, null, null) { ValueType = valueType };
    }

    private static ITypeSymbol? TrailingType(SemanticModel model) =>
        CellClassifier.TrailingExpression((CompilationUnitSyntax)model.SyntaxTree.GetRoot()) is { } expression ? model.GetTypeInfo(expression).Type : null;

    /// <summary>
    /// Emits the script's assembly, which running it then loads (<see cref="CellImage"/>). Unlike
    /// Script.Compile, which binds the whole cell once more to collect its warnings, this costs one
    /// emit, and building the same script again costs nothing.
    /// </summary>
    internal static IReadOnlyList<Diagnostic> BuildErrors(Script<object> script, CancellationToken token) =>
        CellImage.Build(script, token);

    private static List<Diagnostic> Errors(Compilation compilation, CancellationToken token) =>
        compilation.GetDiagnostics(token).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>
    /// Each unbound history name whose value exists, replaced by the name of that value (a stored
    /// value's accessor is in the prelude): the errors it resolves, and the edits, placed on the user's text.
    /// </summary>
    private static (List<Diagnostic> Resolved, List<TextChange> Edits) HistoryEdits(SyntaxTree tree, IReadOnlyList<Diagnostic> errors,
        CellHistory history, CellRewrite asWritten)
    {
        var root = tree.GetRoot();
        var resolved = new List<Diagnostic>();
        var edits = new List<TextChange>();
        foreach (var error in errors.Where(e => e.Id == UnboundName && e.Location.SourceTree == tree))
        {
            if (root.FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true) is not IdentifierNameSyntax name
                || name.Span != error.Location.SourceSpan)
                continue;
            var depth = CellHistory.DepthOf(name.Identifier.ValueText);
            if (depth == 0 || history.At(depth) is not { } value)
                continue;
            resolved.Add(error);
            edits.Add(new TextChange(new TextSpan(asWritten.ToOriginal(name.SpanStart), name.Span.Length), value.Variable));
        }
        return (resolved, edits);
    }

    /// <summary>The capture of the trailing expression, placed on the user's text, when its value can be held.</summary>
    private static TextChange[]? CaptureEdits(SemanticModel model, SourceText original, string variable)
    {
        if (CellClassifier.TrailingExpression((CompilationUnitSyntax)model.SyntaxTree.GetRoot()) is not { } expression
            || !CaptureRewrite.CanHold(model.GetTypeInfo(expression).Type))
            return null;
        var originalExpression = CellClassifier.TrailingExpression((CompilationUnitSyntax)CSharpSyntaxTree.ParseText(original, CellClassifier.ParseOptions).GetRoot())!;
        return CaptureRewrite.Edits(originalExpression, variable);
    }

    /// <summary>For a cell ending in a display's handle, the edit that leaves it without a value (placed on the user's text).</summary>
    private static TextChange? DisplayEdit(SemanticModel model, SourceText original)
    {
        if (CellClassifier.TrailingExpression((CompilationUnitSyntax)model.SyntaxTree.GetRoot()) is not { } expression
            || !CaptureRewrite.IsDisplay(model.GetTypeInfo(expression).Type))
            return null;
        return CaptureRewrite.Terminate(CellClassifier.TrailingExpression((CompilationUnitSyntax)CSharpSyntaxTree.ParseText(original, CellClassifier.ParseOptions).GetRoot())!);
    }

    private static List<CellDiagnostic> Describe(IEnumerable<Diagnostic> errors, CellRewrite rewrite, string filePath) =>
        errors.Select(d =>
        {
            // An error in a #load-ed file is placed in that file, not mapped onto the cell.
            (int Line, int Column) place = d.Location.SourceTree is { } tree && !CellTrees.IsCell(tree, filePath)
                ? (d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Location.GetLineSpan().StartLinePosition.Character + 1)
                : Place(d.Location.SourceSpan.Start, rewrite);
            return new CellDiagnostic(place.Line, place.Column, d.Id, d.GetMessage());
        }).ToList();

    private static (int Line, int Column) Place(int position, CellRewrite rewrite)
    {
        var at = rewrite.OriginalLinePosition(position);
        return (at.Line + 1, at.Character + 1);
    }
}
