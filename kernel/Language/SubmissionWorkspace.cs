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
public sealed class SubmissionWorkspace : IDisposable
{
    private readonly AdhocWorkspace _workspace = new(MefHostServices.DefaultHost);
    private readonly CSharpCompilationOptions _compilationOptions;
    private readonly CSharpParseOptions _parseOptions;
    private readonly IReadOnlyList<MetadataReference> _references;
    private readonly List<string> _cells = [];
    private ProjectId? _last;
    private DocumentId? _current;

    public SubmissionWorkspace(ScriptOptions scriptOptions)
    {
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
        }
        if (_current is not null && cells.Count == _cells.Count)
            return;
        if (_current is not null)
            _workspace.TryApplyChanges(_workspace.CurrentSolution.RemoveProject(_current.ProjectId));
        for (var i = _cells.Count; i < cells.Count; i++)
        {
            _last = AddSubmission($"Cell{i + 1}", cells[i]).ProjectId;
            _cells.Add(cells[i]);
        }
        _current = AddSubmission("Edit", "", WorkspaceReferenceResolver.EditPath);
    }

    /// <summary>
    /// Cells only ever join the end of the chain, unless the session was reset. Compared by
    /// reference: each run makes a new string, so the same text run again after a reset is told apart.
    /// </summary>
    private bool Extends(IReadOnlyList<string> cells) =>
        cells.Count >= _cells.Count
        && (_cells.Count == 0 || (ReferenceEquals(cells[0], _cells[0]) && ReferenceEquals(cells[_cells.Count - 1], _cells[^1])));

    private DocumentId AddSubmission(string name, string code, string? filePath = null)
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
            metadataReferences: _last is null ? _references : [],
            isSubmission: true,
            hostObjectType: typeof(ScriptGlobals));
        _workspace.AddProject(project);
        return documentId;
    }
}
