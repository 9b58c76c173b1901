using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace CSharpKernel.Execution;

/// <summary>
/// The scripts whose code may still run, so that a traceback places frames in any cell's code,
/// also one a thread or task runs after its cell ended: the last script run, whose chain holds
/// every cell that joined it, and the last few cells that ran without joining it. Safe from any thread.
/// </summary>
internal sealed class CellScripts
{
    /// <summary>Each detached cell kept here keeps its compilation; a few cover the code still running in most sessions.</summary>
    private const int DetachedKept = 8;

    private readonly LruCache<string, Script> _detached = new(DetachedKept);
    // Set before the script starts, so threads the running cell starts are placed too.
    private volatile Script? _latest;

    public void Started(Script script) => _latest = script;

    public void Detached(Script script) => _detached.Set(script.GetCompilation().AssemblyName!, script);

    /// <summary>Forgets every script: the last one's chain is every compilation of the old chain, none of which could be collected.</summary>
    public void Clear()
    {
        _latest = null;
        _detached.Clear();
    }

    /// <summary>Places frames in the code of any script known here.</summary>
    public CellFrameLocator Locator() => Locator(_latest);

    /// <summary>Places frames in the code of <paramref name="script"/>'s chain or a recent detached cell.</summary>
    public CellFrameLocator Locator(Script? script) => new(name => CompilationOf(script, name));

    private Compilation? CompilationOf(Script? script, string assemblyName)
    {
        if (_detached.TryGet(assemblyName, out var detached))
            return detached.GetCompilation();
        for (; script is not null; script = script.Previous)
        {
            if (script.GetCompilation() is { } compilation && compilation.AssemblyName == assemblyName)
                return compilation;
        }
        return null;
    }
}
