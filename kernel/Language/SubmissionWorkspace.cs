using CSharpKernel.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Text;

namespace CSharpKernel.Language;

/// <summary>
/// A Roslyn workspace that mirrors the script chain: each submitted cell is a submission project
/// referencing the one before it (Roslyn then chains their compilations as the script engine
/// does), and the text being edited is one more submission at the end. Not thread-safe: the
/// language service serialises calls.
/// </summary>
internal sealed class SubmissionWorkspace : IDisposable
{
    private readonly AdhocWorkspace _workspace = new(MefHostServices.DefaultHost);
    private readonly CSharpCompilationOptions _compilationOptions;
    private readonly CSharpParseOptions _parseOptions;
    private readonly IReadOnlyList<MetadataReference> _references;
    private readonly List<string> _cells = [];
    private readonly Func<IReadOnlyList<MetadataReference>> _packages;
    // How many of the session's package references the cell projects hold, and how many the edit project sees.
    private int _packagesInCells;
    private int _packagesInEdit;
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
        }
        var packages = _packages();
        if (_current is not null && cells.Count == _cells.Count && packages.Count == _packagesInEdit)
            return;
        if (_current is not null)
            _workspace.TryApplyChanges(_workspace.CurrentSolution.RemoveProject(_current.ProjectId));
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
