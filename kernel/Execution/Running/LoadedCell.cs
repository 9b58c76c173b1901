using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution;

/// <summary>
/// A built cell whose assembly is loaded, ready to run: into the chain's context when it joins the
/// chain, into a context of its own when it runs off it (<see cref="OwnContext"/>).
/// </summary>
/// <param name="Factory">The submission's <c>&lt;Factory&gt;</c>; null when the cell has no code and runs nothing.</param>
internal sealed record LoadedCell(Script<object> Script, bool Joins, Type? SubmissionType, Func<object?[], Task<object>>? Factory,
    CellLoadContext? OwnContext);
