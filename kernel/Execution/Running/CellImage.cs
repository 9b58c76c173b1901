using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution;

/// <summary>
/// A built cell's emitted assembly, kept from the build to the run so that a cell is emitted once,
/// whichever compiler built it and however often it asks (<see cref="CheckpointCompiler"/> builds a
/// cell as written as a fallback, and its caller builds the same script next). Kept beside the script
/// rather than in it, so the compilers hand scripts around as before; dropped once it is loaded.
/// </summary>
internal sealed class CellImage
{
    private static readonly ConditionalWeakTable<Script, CellImage> Built = new();

    private CellImage(byte[]? bytes) => Bytes = bytes;

    /// <summary>The assembly; null when the cell has no code to emit (only usings, say): it runs nothing, though it may join the chain.</summary>
    public byte[]? Bytes { get; }

    /// <summary>Emits the script unless it was built already; its errors, none when it was built.</summary>
    public static IReadOnlyList<Diagnostic> Build(Script script, CancellationToken token)
    {
        if (Built.TryGetValue(script, out _))
            return [];
        var compilation = script.GetCompilation();
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream, cancellationToken: token);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            return errors;
        // A submission without code emits nothing and fails without an error, as Roslyn's own builder expects.
        var bytes = result.Success ? stream.ToArray() : null;
        if (bytes is not null)
            CellMethodFlags.Mark(bytes, compilation);
        Built.AddOrUpdate(script, new CellImage(bytes));
        return [];
    }

    /// <summary>The image built for the script, taken out: the loaded assembly is all that is needed of it afterwards.</summary>
    public static CellImage Take(Script script)
    {
        if (!Built.TryGetValue(script, out var image))
            throw new InvalidOperationException("A cell must be built before it runs.");
        Built.Remove(script);
        return image;
    }
}
