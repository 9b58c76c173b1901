using CSharpKernel.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace CSharpKernel.Language;

/// <summary>
/// A Roslyn workspace that mirrors the script chain: each submitted cell is a submission project
/// referencing the one before it (Roslyn then chains their compilations as the script engine
/// does), and the text being edited is one more submission at the end. Every
/// <see cref="FoldEvery"/> cells the chain is folded into one submission of what its cells declare
/// (<see cref="FoldedCells"/>): a compilation per cell, besides the script engine's own, kept
/// about 65 KiB per cell, most of what the cells themselves keep. Not thread-safe: the language
/// service serialises calls.
/// </summary>
internal sealed class SubmissionWorkspace : IDisposable
{
    /// <summary>How many cells join the chain as projects of their own before they are folded: few enough that they
    /// cost little, enough that folding, which compiles every cell's declarations again, is rare.</summary>
    public const int FoldEvery = 16;

    private readonly AdhocWorkspace _workspace = new(CSharpEditorHost.Services);
    private readonly CSharpCompilationOptions _compilationOptions;
    private readonly CSharpParseOptions _parseOptions;
    private readonly IReadOnlyList<MetadataReference> _references;
    private readonly List<string> _cells = [];
    private readonly Func<IReadOnlyList<MetadataReference>> _packages;
    // How many of the session's package references the cell projects hold, and how many the edit project sees.
    private int _packagesInCells;
    private int _packagesInEdit;
    // How many of the cells, from the first, the folded submission at the start of the chain holds.
    private int _folded;
    private ProjectId? _last;
    private DocumentId? _current;

    /// <param name="packages">The references of the session's restored packages so far: they reach cells' compilations
    /// from outside their text, so the workspace adds them to the submission that follows their restore.</param>
    public SubmissionWorkspace(ScriptOptions scriptOptions, Func<IReadOnlyList<MetadataReference>>? packages = null)
    {
        _packages = packages ?? (() => []);
        // Parsed with documentation, so a method a cell declares with /// comments shows them when inspected.
        _parseOptions = CellClassifier.ParseOptions.WithDocumentationMode(DocumentationMode.Parse);
        _compilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            usings: scriptOptions.Imports,
            allowUnsafe: true,
            metadataReferenceResolver: new WorkspaceReferenceResolver(scriptOptions.MetadataResolver),
            sourceReferenceResolver: scriptOptions.SourceResolver);
        _references = WorkspaceReferences.Shared;
    }

    /// <summary>The document holding <paramref name="code"/> as the next submission after <paramref name="cells"/>.</summary>
    public Document Edit(IReadOnlyList<string> cells, string code)
    {
        Synchronise(cells);
        // Applied rather than forked, so the next edit's compilation is derived from this one's and
        // keeps its bound references instead of binding them all again.
        _workspace.TryApplyChanges(_workspace.CurrentSolution.WithDocumentText(_current!, SourceText.From(code)));
        return _workspace.CurrentSolution.GetDocument(_current!)!;
    }

    public void Dispose() => _workspace.Dispose();

    /// <summary>Adds the cells submitted since the last call; starts over if the chain was reset.</summary>
    private void Synchronise(IReadOnlyList<string> cells)
    {
        if (!Extends(cells))
        {
            _workspace.ClearSolution();
            _cells.Clear();
            _last = null;
            _current = null;
            _packagesInCells = 0;
            _folded = 0;
        }
        var packages = _packages();
        if (_current is not null && cells.Count == _cells.Count && packages.Count == _packagesInEdit)
            return;
        if (_current is not null)
            _workspace.TryApplyChanges(_workspace.CurrentSolution.RemoveProject(_current.ProjectId));
        if (cells.Count - _folded > FoldEvery)
            Fold(cells, packages);
        for (var i = _cells.Count; i < cells.Count; i++)
        {
            _last = AddSubmission($"Cell{i + 1}", cells[i], NewPackages(packages, ref _packagesInCells)).ProjectId;
            _cells.Add(cells[i]);
        }
        // A cell of directives only restores packages without entering the chain: the text being
        // edited sees them at once, and the next cell takes them into the chain.
        var inEdit = _packagesInCells;
        _current = AddSubmission("Edit", "", NewPackages(packages, ref inEdit), WorkspaceReferenceResolver.EditPath);
        _packagesInEdit = packages.Count;
    }

    /// <summary>Starts the chain again with one submission of every cell's declarations, the packages of all of them its own.</summary>
    private void Fold(IReadOnlyList<string> cells, IReadOnlyList<MetadataReference> packages)
    {
        _workspace.ClearSolution();
        _last = null;
        _packagesInCells = 0;
        _cells.Clear();
        _cells.AddRange(cells);
        _folded = cells.Count;
        _last = AddSubmission($"Cells1-{cells.Count}", FoldedCells.Text(cells, _parseOptions), NewPackages(packages, ref _packagesInCells)).ProjectId;
        InferInOrder(_workspace.CurrentSolution.GetProject(_last)!);
    }

    /// <summary>
    /// Infers the type of each <c>var</c> in declaration order. Asked first for the last of a long run
    /// of variables each computed from the one before (<c>var t2 = t1 + 1;</c>), the compiler would
    /// infer them all in one recursion, as deep as the run is long.
    /// </summary>
    private static void InferInOrder(Project folded)
    {
        var script = folded.GetCompilationAsync().GetAwaiter().GetResult()?.ScriptClass;
        foreach (var field in script?.GetMembers().OfType<IFieldSymbol>() ?? [])
            _ = field.Type;
    }

    private static MetadataReference[] NewPackages(IReadOnlyList<MetadataReference> packages, ref int given)
    {
        var added = packages.Skip(given).ToArray();
        given = packages.Count;
        return added;
    }

    /// <summary>
    /// Cells only ever join the end of the chain, unless the session was reset. Compared by
    /// reference: each run makes a new string, so the same text run again after a reset is told apart.
    /// </summary>
    private bool Extends(IReadOnlyList<string> cells) =>
        cells.Count >= _cells.Count
        && (_cells.Count == 0 || (ReferenceEquals(cells[0], _cells[0]) && ReferenceEquals(cells[_cells.Count - 1], _cells[^1])));

    private DocumentId AddSubmission(string name, string code, IReadOnlyList<MetadataReference> packages, string? filePath = null)
    {
        var projectId = ProjectId.CreateNewId(name);
        var documentId = DocumentId.CreateNewId(projectId, name);
        var project = ProjectInfo.Create(
            projectId, VersionStamp.Create(), name, name, LanguageNames.CSharp,
            compilationOptions: _compilationOptions,
            parseOptions: _parseOptions,
            documents: [DocumentInfo.Create(documentId, name, sourceCodeKind: SourceCodeKind.Script, filePath: filePath,
                loader: TextLoader.From(TextAndVersion.Create(SourceText.From(code), VersionStamp.Create())))],
            projectReferences: _last is null ? [] : [new ProjectReference(_last)],
            // A submission inherits the references of those before it. Listing them again in every
            // cell made each compilation's reference manager hold all of its predecessors' lists:
            // memory and binding time that grew with the square of the number of cells.
            metadataReferences: _last is null ? [.. _references, .. packages] : packages,
            isSubmission: true,
            hostObjectType: typeof(ScriptGlobals));
        _workspace.AddProject(project);
        return documentId;
    }
}
