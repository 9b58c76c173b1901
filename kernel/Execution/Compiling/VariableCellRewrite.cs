using System.Text;
using CSharpKernel.Logging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace CSharpKernel.Execution;

/// <summary>
/// A cell whose only declarations are top-level variables (<c>var a = e, b = f;</c>, <c>T a = e;</c>)
/// of types written by name keeps them in the store: once it compiled as written, each declaration
/// becomes an assignment to an accessor of a new slot, and the cell, declaring nothing, stays off
/// the chain. The slots are made before the cell's statements run, so a cell that throws midway
/// keeps what it assigned and the rest default, as fields do. Anything else (a method, a type, a
/// using, a directive, an out or pattern variable, a deconstruction, a modifier, an array
/// initializer, a type without a name) keeps its fields in the chain. The edits stay within lines,
/// and the rewritten text is only used when it compiles, so the errors are the text as written's.
/// </summary>
internal static class VariableCellRewrite
{
    /// <summary>
    /// The common variables cell, before anything is built: its text as written is only bound, to
    /// learn the types; building it too would load an assembly that never runs. Null when the cell
    /// is not one, or has errors (which the usual way reports).
    /// </summary>
    public static CompiledCell? TryFirst(SubmissionChain state, string code, SyntaxTree tree, TextChange? prelude, ScriptOptions options,
        string? captureVariable, VariableStore? variables, CancellationToken token)
    {
        if (variables is null || SinglePassCompiler.NeedsBinder(tree, token) || Declarations((CompilationUnitSyntax)tree.GetRoot(token), 0) is null)
            return null;
        var text = new CellRewrite(SourceText.From(code), prelude is { } insert ? [insert] : []).Text;
        var script = state.Script.ContinueWith(text, options);
        var compilation = script.GetCompilation();
        if (compilation.GetDiagnostics(token).Any(d => d.Severity == DiagnosticSeverity.Error))
            return null;
        string? valueType = null;
        if (CellClassifier.TrailingExpression((CompilationUnitSyntax)tree.GetRoot(token)) is not null)
        {
            var type = SinglePassCompiler.TrailingType(script, token);
            if (CaptureRewrite.IsDisplay(type))
                return null;
            if (captureVariable is not null && CaptureRewrite.CanHold(type) && (valueType = CaptureRewrite.WrittenName(type)) is null)
                return null;
        }
        return Rewrite(state, new CompiledCell(script, text, null, null) { ValueType = valueType }, prelude, options, variables, token);
    }

    /// <summary>A cell compiled the usual way: rewritten if it is a variables cell after all, else with the names it declares in the chain.</summary>
    public static CompiledCell Apply(SubmissionChain state, CompiledCell compiled, TextChange? prelude, ScriptOptions options,
        VariableStore? variables, CancellationToken token)
    {
        var declared = ChainMembers.Declared(compiled.Script!.GetCompilation());
        if (variables is not null && Rewrite(state, compiled, prelude, options, variables, token) is { } stored)
            return stored;
        return compiled with { ChainNames = [.. declared.Select(m => m.Name).Distinct()] };
    }

    private static CompiledCell? Rewrite(SubmissionChain state, CompiledCell compiled, TextChange? prelude, ScriptOptions options,
        VariableStore variables, CancellationToken token)
    {
        var compilation = compiled.Script!.GetCompilation();
        var declared = ChainMembers.Declared(compilation);
        if (declared.Count == 0 || compiled.CapturedVariable is not null || compilation.SyntaxTrees.Skip(1).Any()
            || declared.Any(m => m is not IFieldSymbol))
            return null;
        var original = SourceText.From(compiled.Text);
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(original, CellClassifier.ParseOptions, cancellationToken: token).GetRoot(token);
        var preludeEnd = prelude is { } insert ? insert.Span.Start + insert.NewText!.Length : root.Members.FirstOrDefault()?.SpanStart ?? 0;
        if (Declarations(root, preludeEnd) is not { } fields)
            return null;
        var declarators = fields.SelectMany(f => f.Declaration.Variables).ToList();
        var types = declared.Cast<IFieldSymbol>().ToDictionary(f => f.Name, f => CaptureRewrite.WrittenName(f.Type), StringComparer.Ordinal);
        if (declarators.Count != types.Count || declarators.Any(d => !types.TryGetValue(d.Identifier.ValueText, out var type) || type is null))
            return null;

        var stored = declarators.Select(d => new StoredVariable(d.Identifier.ValueText, variables.Reserve(), types[d.Identifier.ValueText]!, 0)).ToList();
        var slots = new StringBuilder();
        foreach (var variable in stored)
            slots.Append(variable.Creation);
        foreach (var variable in stored)
            slots.Append(variable.Accessor);
        var edits = new List<TextChange> { new(new TextSpan(preludeEnd, 0), slots.ToString()) };
        foreach (var field in fields)
        {
            edits.Add(new TextChange(field.Declaration.Type.Span, ""));
            edits.AddRange(field.Declaration.Variables.GetSeparators().Select(comma => new TextChange(comma.Span, ";")));
            edits.AddRange(field.Declaration.Variables.Where(d => d.Initializer is null).Select(d => new TextChange(d.Span, "")));
        }
        var text = original.WithChanges(edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length)).ToString();
        var runnable = CheckpointCompiler.Instrument(state.Script.ContinueWith(text, options), token);
        if (CellCompiler.BuildErrors(runnable, token) is { Count: > 0 } errors)
        {
            // A safety net: the cell still runs, with its variables in the chain.
            KernelLog.Debug($"{options.FilePath}: variables kept in the chain: {errors[0]}");
            return null;
        }
        return new CompiledCell(runnable, text, null, null) 
        {
            ValueType = compiled.ValueType, Stored = stored, Declaring = compiled.Text, Checked = compiled.Script,
        };
    }

    /// <summary>The cell's variable declarations, when it declares nothing else and every one can become assignments; else null.</summary>
    private static List<FieldDeclarationSyntax>? Declarations(CompilationUnitSyntax root, int preludeEnd)
    {
        if (root.Usings.Count > 0 || root.Externs.Count > 0 || root.AttributeLists.Count > 0
            || root.GetReferenceDirectives().Count > 0 || root.GetLoadDirectives().Count > 0)
            return null;
        var fields = new List<FieldDeclarationSyntax>();
        foreach (var member in root.Members)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax when member.Span.End <= preludeEnd:
                    break;
                case FieldDeclarationSyntax field when field.Modifiers.Count == 0 && field.AttributeLists.Count == 0
                    && field.Declaration.Type is not RefTypeSyntax
                    && field.Declaration.Variables.All(d => d.ArgumentList is null && d.Initializer?.Value is not InitializerExpressionSyntax):
                    fields.Add(field);
                    break;
                case GlobalStatementSyntax { Statement: not (LocalFunctionStatementSyntax or LocalDeclarationStatementSyntax) }:
                    break;
                default:
                    return null;
            }
        }
        return fields.Count > 0 ? fields : null;
    }
}
