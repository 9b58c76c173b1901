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
/// <c>_</c> never qualify) becomes the hidden variable holding that value, typed; and the value of
/// a trailing expression is captured in a new hidden variable for later cells to use as <c>_</c>.
/// No global named <c>_</c> ever exists, so every C# discard stays a discard.
/// </summary>
public static class CellCompiler
{
    private const string UnboundName = "CS0103";

    public static CompiledCell Compile(ScriptState<object> state, string code, ScriptOptions options, CellHistory history,
        string? captureVariable, CancellationToken token)
    {
        var original = SourceText.From(code);
        var asWritten = new CellRewrite(original, []);
        var script = state.Script.ContinueWith(code, options);
        var compilation = script.GetCompilation();
        var model = compilation.GetSemanticModel(CellTree(compilation, options));

        if (ReservedNames.FindDeclaration(model, token) is { } reserved)
            return CompiledCell.Failed(Tracebacks.ForReservedName(reserved.Name, Place(reserved.Location.SourceSpan.Start, asWritten), options.FilePath));

        var errors = Errors(compilation, token);
        var historyEdits = HistoryEdits(model.SyntaxTree, errors, history);
        var remaining = errors.Where(e => !historyEdits.Any(edit => edit.Span == e.Location.SourceSpan)).ToList();
        if (remaining.Count > 0)
            return CompiledCell.Failed(Tracebacks.ForDiagnostics(Describe(remaining, asWritten, options.FilePath), options.FilePath));

        var rewrite = new CellRewrite(original, historyEdits);
        if (rewrite.Changed)
        {
            script = state.Script.ContinueWith(rewrite.Text, options);
            compilation = script.GetCompilation();
            model = compilation.GetSemanticModel(CellTree(compilation, options));
            var rewrittenErrors = Errors(compilation, token);
            if (rewrittenErrors.Count > 0)
                return CompiledCell.Failed(Tracebacks.ForDiagnostics(Describe(rewrittenErrors, rewrite, options.FilePath), options.FilePath));
        }

        if (captureVariable is not null && CaptureEdits(model, original, captureVariable) is { } captureEdits)
        {
            var captured = new CellRewrite(original, historyEdits.Concat(captureEdits));
            var capturing = state.Script.ContinueWith(captured.Text, options);
            // A safety net: should capturing ever not compile, the cell still runs as written, only without history.
            if (!capturing.Compile(token).Any(d => d.Severity == DiagnosticSeverity.Error))
                return new CompiledCell(capturing, captured.Text, captureVariable, null);
        }

        var final = script.Compile(token).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return final.Count > 0
            ? CompiledCell.Failed(Tracebacks.ForDiagnostics(Describe(final, rewrite, options.FilePath), options.FilePath))
            : new CompiledCell(script, rewrite.Text, null, null);
    }

    /// <summary>The cell's own tree; #load adds the loaded files' trees beside it.</summary>
    private static SyntaxTree CellTree(Compilation compilation, ScriptOptions options) =>
        compilation.SyntaxTrees.LastOrDefault(t => IsCell(t, options.FilePath)) ?? compilation.SyntaxTrees.Last();

    /// <summary>The source resolver may make the cell's path absolute; its file name is still the cell's name.</summary>
    private static bool IsCell(SyntaxTree tree, string cellName) =>
        Path.GetFileName(tree.FilePath) == Path.GetFileName(cellName);

    private static List<Diagnostic> Errors(Compilation compilation, CancellationToken token) =>
        compilation.GetDiagnostics(token).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>Each unbound history name whose value exists, replaced by the hidden variable that holds it.</summary>
    private static List<TextChange> HistoryEdits(SyntaxTree tree, IReadOnlyList<Diagnostic> errors, CellHistory history)
    {
        var root = tree.GetRoot();
        var edits = new List<TextChange>();
        foreach (var error in errors.Where(e => e.Id == UnboundName && e.Location.SourceTree == tree))
        {
            if (root.FindNode(error.Location.SourceSpan, getInnermostNodeForTie: true) is not IdentifierNameSyntax name
                || name.Span != error.Location.SourceSpan)
                continue;
            var depth = CellHistory.DepthOf(name.Identifier.ValueText);
            if (depth > 0 && history.VariableAt(depth) is { } variable)
                edits.Add(new TextChange(name.Span, variable));
        }
        return edits;
    }

    /// <summary>
    /// `E` at the end of the cell becomes `var hidden = E; hidden`, on the same line, when E has a
    /// type a variable can hold (not void, null, a method group, a ref struct or a pointer).
    /// </summary>
    private static TextChange[]? CaptureEdits(SemanticModel model, SourceText original, string variable)
    {
        if (CellClassifier.TrailingExpression((CompilationUnitSyntax)model.SyntaxTree.GetRoot()) is not { } expression)
            return null;
        var type = model.GetTypeInfo(expression).Type;
        if (type is null || type.TypeKind is TypeKind.Error or TypeKind.Pointer or TypeKind.FunctionPointer
            || type.SpecialType == SpecialType.System_Void || type.IsRefLikeType)
            return null;
        var originalExpression = CellClassifier.TrailingExpression((CompilationUnitSyntax)CSharpSyntaxTree.ParseText(original, CellClassifier.ParseOptions).GetRoot())!;
        return
        [
            new TextChange(new TextSpan(originalExpression.SpanStart, 0), $"var {variable} = "),
            new TextChange(new TextSpan(originalExpression.Span.End, 0), $"; {variable}"),
        ];
    }

    private static List<CellDiagnostic> Describe(IEnumerable<Diagnostic> errors, CellRewrite rewrite, string filePath) =>
        errors.Select(d =>
        {
            // An error in a #load-ed file is placed in that file, not mapped onto the cell.
            (int Line, int Column) place = d.Location.SourceTree is { } tree && !IsCell(tree, filePath)
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
