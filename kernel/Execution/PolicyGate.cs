using CSharpKernel.Execution.Packages;
using CSharpKernel.Magics.Syntax;
using CSharpKernel.Security;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace CSharpKernel.Execution;

/// <summary>
/// Where the session asks the level's policy (kernel/Security) about a cell, and turns its
/// refusals into the cell's compile error, so a refused cell never runs and the chain, the
/// history and the counter go on as after any compile error. Directives are decided before
/// anything acts on them (a #load reads its file at compile time); symbols after the cell
/// compiles, on the text as compiled, which is the user's with history names resolved to their
/// typed variables (so <c>_.Invoke(...)</c> binds, and is decided, as the value it names), placed
/// back on the user's text.
/// </summary>
internal sealed class PolicyGate
{
    public const string RefusalName = "PolicyRefusal";

    public static readonly PolicyGate None = new(SecurityLevel.Unrestricted, []);

    private readonly CellPolicy _symbols;
    private readonly DirectivePolicy _directives;

    public PolicyGate(SecurityLevel level, IEnumerable<string> allowedPackages)
    {
        _symbols = new CellPolicy(level);
        _directives = new DirectivePolicy(level, allowedPackages);
    }

    public static PolicyGate For(EngineSettings settings) => new(settings.Level, settings.AllowedPackages);

    public SecurityLevel Level => _symbols.Level;

    /// <summary>The cell compiled, or its refusals as its error; at unrestricted just the compile.</summary>
    public CompiledCell Compile(SubmissionChain state, string code, ScriptOptions options, CellHistory history, string? captureVariable,
        CancellationToken token, VariableStore? variables = null)
    {
        if (!_symbols.Checks)
            return CellCompiler.Compile(state, code, options, history, captureVariable, token, variables);
        // user_expressions reach the compiler without passing the cell's directive check.
        if (Directives(code, options.FilePath) is { } directives)
            return CompiledCell.Failed(directives);
        var compiled = CellCompiler.Compile(state, code, options, history, captureVariable, token, variables);
        if (compiled.Error is not null)
            return compiled;
        var refusals = Refusals(code, compiled.Checked ?? compiled.Script!, options, token);
        return refusals.Count == 0 ? compiled : CompiledCell.Failed(Error(refusals));
    }

    /// <summary>The cell's directives that its level refuses, as its error; null when it may go on.</summary>
    public CellError? Directives(string code, string cellName)
    {
        if (!_directives.Checks)
            return null;
        var refused = new List<(int Position, string Directive)>();
        foreach (var line in MagicSyntax.Read(code).TakenOut)
        {
            var allowed = line.Kind switch
            {
                MagicLineKind.PackageReference => _directives.Allows(PolicyDirective.Package, PackageId(line)),
                MagicLineKind.PackageSource => _directives.Allows(PolicyDirective.PackageSource),
                _ => true,
            };
            if (!allowed)
                refused.Add((line.Start, code[line.Start..line.End].Trim()));
        }
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, CellClassifier.ParseOptions).GetRoot();
        foreach (var reference in root.GetReferenceDirectives())
        {
            if (!reference.File.ValueText.TrimStart().StartsWith(MagicSyntax.NugetPrefix, StringComparison.OrdinalIgnoreCase)
                && !_directives.Allows(PolicyDirective.FileReference))
                refused.Add((reference.SpanStart, reference.ToString().Trim()));
        }
        foreach (var load in root.GetLoadDirectives())
        {
            if (!_directives.Allows(PolicyDirective.Load))
                refused.Add((load.SpanStart, load.ToString().Trim()));
        }
        if (refused.Count == 0)
            return null;
        var text = SourceText.From(code);
        return Error(refused.OrderBy(r => r.Position).Select(r =>
        {
            var at = text.Lines.GetLinePosition(r.Position);
            return new Placed(cellName, at.Line + 1, at.Character + 1, $"{r.Directive} is not allowed at the {Level.Name()} level");
        }).ToList());
    }

    private static string? PackageId(MagicLine line)
    {
        try
        {
            return (line.Name == "r" ? PackageSpec.TryParseReference(line.Arguments) : PackageSpec.FromAtSpelling(line.Arguments))?.Name;
        }
        catch (RestoreFailedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Decided on the compilation that was just built (for a cell whose variables went to the store,
    /// the one of its text as written: the rewrite only adds the store's accessors of the types it declared), which the compiler has bound already: binding
    /// the cell once more for the check cost as much as compiling it. Its text is the user's with history
    /// names resolved, the value captured and the checkpoints in (calls of the cell API's Checkpoint,
    /// which is allowed), on the user's lines.
    /// </summary>
    internal IReadOnlyList<Placed> Refusals(string code, Script compiled, ScriptOptions options, CancellationToken token)
    {
        var compilation = compiled.GetCompilation();
        var alignment = new TextAlignment(code, CellTrees.Of(compilation, options.FilePath).ToString());
        var placed = new List<Placed>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var isCell = CellTrees.IsCell(tree, options.FilePath);
            foreach (var refusal in _symbols.Check(compilation.GetSemanticModel(tree), ReservedNames.IsHidden, token))
            {
                var (line, column) = isCell ? alignment.Place(refusal.Position) : (refusal.Line, refusal.Column);
                placed.Add(new Placed(isCell ? options.FilePath : Path.GetFileName(tree.FilePath), line, column, refusal.Message));
            }
        }
        return placed;
    }

    /// <summary>Shaped as the compiler's errors are: one traceback line per refusal, the first in the value.</summary>
    private static CellError Error(IReadOnlyList<Placed> refusals)
    {
        var first = refusals[0];
        var evalue = $"({first.Line},{first.Column}): {first.Message}" + (refusals.Count > 1 ? $" (and {refusals.Count - 1} more)" : "");
        return new CellError(RefusalName, evalue, refusals.Select(r => $"{r.File}, line {r.Line}, col {r.Column}: {r.Message}").ToList());
    }

    internal sealed record Placed(string File, int Line, int Column, string Message);
}
